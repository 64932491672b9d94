using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.AccessGroups;

/// <summary><c>GET /model_access_group/info</c>: one group, or every group when no name is given.</summary>
public sealed record GetAccessGroupQuery(string? Name, CallerIdentity Caller) : IQuery<IReadOnlyList<AccessGroupInfo>>;
