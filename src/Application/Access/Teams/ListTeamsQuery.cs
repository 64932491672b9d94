using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.Teams;

/// <summary><c>GET /team/list</c>: every team for admins and viewers, otherwise the caller's teams.</summary>
public sealed record ListTeamsQuery(string? OrganizationId, CallerIdentity Caller) : IQuery<IReadOnlyList<TeamInfo>>;
