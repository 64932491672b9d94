using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Catalog.GetModelGroupInfo;

/// <summary><c>GET /model_group/info</c>: per model group, or the one named by <c>model_group</c>.</summary>
public sealed record GetModelGroupInfoQuery(CallerIdentity Caller, string? ModelGroup) : IQuery<ModelGroupInfoList>;
