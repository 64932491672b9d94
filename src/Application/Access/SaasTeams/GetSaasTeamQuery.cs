using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.SaasTeams;

/// <summary><c>GET /api/teams/{team_id}</c>: the team with its credits.</summary>
public sealed record GetSaasTeamQuery(string TeamId, CallerIdentity Caller) : IQuery<SaasTeamView>;
