using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Catalog.GetModelInfo;

/// <summary><c>GET /model/info</c>: every deployment the caller may use, or the one with <c>litellm_model_id</c>.</summary>
public sealed record GetModelInfoQuery(CallerIdentity Caller, string? ModelId) : IQuery<ModelInfoList>;
