using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.Teams;

/// <summary><c>GET /team/info?team_id=</c>.</summary>
public sealed record GetTeamInfoQuery(string? TeamId, CallerIdentity Caller) : IQuery<TeamDetails>;
