using LlmPlatform.Application.Access.SaasTeams;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace LlmPlatform.Api.Controllers.Saas;

/// <summary>
/// The SaaS dialect's teams (seed 002): the admin API's teams, each with a credit account and its own key. Creating,
/// changing, suspending and resuming take the master key; a team's key reads its team and its usage.
/// </summary>
[Tags("SaaS teams")]
public sealed class SaasTeamsController : SaasController
{
    public SaasTeamsController(IMediator mediator)
        : base(mediator)
    {
    }

    /// <summary>Creates a team with its access groups and first credits; the answer holds the team's key, shown once.</summary>
    [HttpPost("/api/teams/create")]
    [ProducesResponseType<SaasTeamView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Create([FromBody] CreateSaasTeamRequest request, CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(
            new CreateSaasTeamCommand(
                request.TeamId,
                request.TeamAlias,
                request.OrganizationId,
                request.AccessGroups ?? request.ModelGroups,
                request.CreditsAllocated,
                request.Metadata,
                Caller),
            cancellationToken));

    [HttpGet("/api/teams/{teamId}")]
    [ProducesResponseType<SaasTeamView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Get(string teamId, CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new GetSaasTeamQuery(teamId, Caller), cancellationToken));

    /// <summary>Changes the team's name, access groups (replaced whole) or credit settings.</summary>
    [HttpPut("/api/teams/{teamId}")]
    [ProducesResponseType<SaasTeamView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Update(string teamId, [FromBody] UpdateSaasTeamRequest request, CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(
            new UpdateSaasTeamCommand(
                teamId,
                request.TeamAlias,
                request.AccessGroups ?? request.ModelGroups,
                request.CreditsAllocated,
                request.CreditsUsed,
                request.BudgetMode,
                request.CreditsPerDollar,
                Caller),
            cancellationToken));

    /// <summary>Suspends the team: its keys are refused until it is resumed; its credits are kept.</summary>
    [HttpPost("/api/teams/{teamId}/suspend")]
    [HttpPut("/api/teams/{teamId}/suspend")]
    [ProducesResponseType<SaasTeamStatus>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Suspend(string teamId, CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new SetSaasTeamStatusCommand(teamId, true, Caller), cancellationToken));

    [HttpPost("/api/teams/{teamId}/resume")]
    [HttpPut("/api/teams/{teamId}/resume")]
    [ProducesResponseType<SaasTeamStatus>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Resume(string teamId, CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new SetSaasTeamStatusCommand(teamId, false, Caller), cancellationToken));

    /// <summary>The team's jobs of a month (<c>period=YYYY-MM</c>, default this one): counts, tokens and cost by job type.</summary>
    [HttpGet("/api/teams/{teamId}/usage")]
    [ProducesResponseType<SaasTeamUsage>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Usage(string teamId, [FromQuery] string? period, CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new GetSaasTeamUsageQuery(teamId, period, Caller), cancellationToken));
}
