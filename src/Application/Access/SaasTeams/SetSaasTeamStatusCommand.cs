using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.SaasTeams;

/// <summary><c>POST /api/teams/{team_id}/suspend</c> and <c>/resume</c>: a suspended team's keys are refused everywhere.</summary>
public sealed record SetSaasTeamStatusCommand(string TeamId, bool Suspended, CallerIdentity Caller) : ICommand<SaasTeamStatus>;
