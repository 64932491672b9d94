using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.SaasTeams;

/// <summary><c>GET /api/teams/{team_id}/usage?period=YYYY-MM</c>: the team's jobs of a month (default: this one).</summary>
public sealed record GetSaasTeamUsageQuery(string TeamId, string? Period, CallerIdentity Caller) : IQuery<SaasTeamUsage>;
