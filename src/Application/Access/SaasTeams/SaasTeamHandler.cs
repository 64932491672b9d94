using System.Globalization;
using LlmPlatform.Application.Access.AccessGroups;
using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Access.Keys;
using LlmPlatform.Application.Access.Teams;
using LlmPlatform.Application.Billing.Credits;
using LlmPlatform.Application.Jobs.Saas;
using LlmPlatform.Domain.Common;
using MediatR;

namespace LlmPlatform.Application.Access.SaasTeams;

/// <summary>
/// The SaaS dialect's teams: the same teams as the admin API's, each with a credit account and a key of its own.
/// Creating, changing, suspending and resuming are the admin's; a team's key reads its own team and usage.
/// </summary>
internal sealed class SaasTeamHandler :
    IRequestHandler<CreateSaasTeamCommand, Result<SaasTeamView>>,
    IRequestHandler<GetSaasTeamQuery, Result<SaasTeamView>>,
    IRequestHandler<UpdateSaasTeamCommand, Result<SaasTeamView>>,
    IRequestHandler<SetSaasTeamStatusCommand, Result<SaasTeamStatus>>,
    IRequestHandler<GetSaasTeamUsageQuery, Result<SaasTeamUsage>>
{
    private readonly IMediator _mediator;
    private readonly ITeamStore _teams;
    private readonly IAccessGroupStore _groups;
    private readonly ICreditStore _credits;
    private readonly ISaasJobStore _jobs;
    private readonly TimeProvider _time;

    public SaasTeamHandler(IMediator mediator, ITeamStore teams, IAccessGroupStore groups, ICreditStore credits, ISaasJobStore jobs, TimeProvider time)
    {
        _mediator = mediator;
        _teams = teams;
        _groups = groups;
        _credits = credits;
        _jobs = jobs;
        _time = time;
    }

    public async Task<Result<SaasTeamView>> Handle(CreateSaasTeamCommand request, CancellationToken cancellationToken)
    {
        var caller = request.Caller;
        if (!caller.IsAdmin)
        {
            return AdminErrors.NotAllowed("create teams");
        }

        var groups = request.AccessGroups?.Distinct(StringComparer.Ordinal).ToList() ?? [];
        if (await MissingGroupAsync(groups, cancellationToken).ConfigureAwait(false) is { } missing)
        {
            return missing;
        }

        var fields = new TeamFields
        {
            TeamId = request.TeamId,
            TeamAlias = request.TeamAlias ?? request.TeamId,
            OrganizationId = request.OrganizationId,
            Models = groups,
            Metadata = request.Metadata,
        };
        var created = await _mediator.Send(new CreateTeamCommand(fields, caller), cancellationToken).ConfigureAwait(false);
        if (!created.IsSuccess)
        {
            return created.Error!.Kind == ErrorKind.Conflict ? Error.Conflict($"Team '{request.TeamId}' already exists") : created.Error!;
        }

        var team = created.Value;
        var key = await _mediator.Send(new GenerateKeyCommand(new KeyFields { TeamId = team.TeamId, KeyAlias = team.TeamId + "-key" }, null, caller), cancellationToken).ConfigureAwait(false);
        if (!key.IsSuccess)
        {
            return key.Error!;
        }

        var account = await _credits.OpenAsync(team.TeamId, request.CreditsAllocated ?? 0, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return View(team, account) with { VirtualKey = key.Value.Key, Message = "Team created successfully" };
    }

    public async Task<Result<SaasTeamView>> Handle(GetSaasTeamQuery request, CancellationToken cancellationToken)
    {
        var team = await _teams.FindAsync(request.TeamId, cancellationToken).ConfigureAwait(false);
        if (team is null)
        {
            return NotFound(request.TeamId);
        }

        if (TeamScope.Check(request.Caller, team.TeamId, "Cannot access a different team") is { } refused)
        {
            return refused;
        }

        var account = await _credits.FindAsync(team.TeamId, cancellationToken).ConfigureAwait(false);
        return View(team, account);
    }

    public async Task<Result<SaasTeamView>> Handle(UpdateSaasTeamCommand request, CancellationToken cancellationToken)
    {
        var caller = request.Caller;
        if (!caller.IsAdmin)
        {
            return AdminErrors.NotAllowed("change teams");
        }

        var team = await _teams.FindAsync(request.TeamId, cancellationToken).ConfigureAwait(false);
        if (team is null)
        {
            return NotFound(request.TeamId);
        }

        var groups = request.AccessGroups?.Distinct(StringComparer.Ordinal).ToList();
        if (groups is not null && await MissingGroupAsync(groups, cancellationToken).ConfigureAwait(false) is { } missing)
        {
            return missing;
        }

        if (request.TeamAlias is not null || groups is not null)
        {
            var fields = new TeamFields { TeamId = team.TeamId, TeamAlias = request.TeamAlias, Models = groups };
            var updated = await _mediator.Send(new UpdateTeamCommand(fields, caller), cancellationToken).ConfigureAwait(false);
            if (!updated.IsSuccess)
            {
                return updated.Error!;
            }

            team = updated.Value;
        }

        var now = _time.GetUtcNow();
        var account = await _credits.FindAsync(team.TeamId, cancellationToken).ConfigureAwait(false)
            ?? await _credits.OpenAsync(team.TeamId, 0, now, cancellationToken).ConfigureAwait(false);
        if (request.CreditsAllocated is not null || request.CreditsUsed is not null || request.BudgetMode is not null || request.CreditsPerDollar is not null)
        {
            account = await _credits.UpdateAsync(team.TeamId, request.CreditsAllocated, request.CreditsUsed, request.BudgetMode, request.CreditsPerDollar, now, cancellationToken).ConfigureAwait(false)
                ?? account;
        }

        return View(team, account) with { Message = "Team updated successfully" };
    }

    public async Task<Result<SaasTeamStatus>> Handle(SetSaasTeamStatusCommand request, CancellationToken cancellationToken)
    {
        if (!request.Caller.IsAdmin)
        {
            return AdminErrors.NotAllowed(request.Suspended ? "suspend teams" : "resume teams");
        }

        var result = await _mediator.Send(new SetTeamBlockedCommand(request.TeamId, request.Suspended, request.Caller), cancellationToken).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            return result.Error!.Kind == ErrorKind.NotFound ? NotFound(request.TeamId) : result.Error!;
        }

        return request.Suspended
            ? new SaasTeamStatus(request.TeamId, "suspended", $"Team '{request.TeamId}' has been suspended")
            : new SaasTeamStatus(request.TeamId, "active", $"Team '{request.TeamId}' has been resumed");
    }

    public async Task<Result<SaasTeamUsage>> Handle(GetSaasTeamUsageQuery request, CancellationToken cancellationToken)
    {
        if (TeamScope.Check(request.Caller, request.TeamId, "Cannot access usage data for a different team") is { } refused)
        {
            return refused;
        }

        if (await _teams.FindAsync(request.TeamId, cancellationToken).ConfigureAwait(false) is null)
        {
            return NotFound(request.TeamId);
        }

        var now = _time.GetUtcNow();
        var period = request.Period ?? now.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        if (!DateTimeOffset.TryParseExact(period + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var from))
        {
            return Error.Validation("'period' must be a month written as YYYY-MM.", "period");
        }

        var jobs = await _jobs.ListTotalsAsync(request.TeamId, from, from.AddMonths(1), cancellationToken).ConfigureAwait(false);
        var total = jobs.Sum(j => j.CostUsd);
        var summary = new SaasUsageSummary(
            jobs.Count,
            jobs.Count(j => j.Status == SaasJobStatus.Completed),
            jobs.Count(j => j.Status == SaasJobStatus.Failed),
            decimal.Round(total, 6),
            jobs.Sum(j => j.Tokens),
            jobs.Count == 0 ? 0m : decimal.Round(total / jobs.Count, 6));
        var types = jobs
            .GroupBy(j => j.JobType, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new SaasJobTypeUsage(g.Count(), decimal.Round(g.Sum(j => j.CostUsd), 6)), StringComparer.Ordinal);
        return new SaasTeamUsage(request.TeamId, period, summary, types);
    }

    private static Error NotFound(string teamId) => Error.NotFound("team_not_found", $"Team '{teamId}' not found");

    private async Task<Error?> MissingGroupAsync(IReadOnlyList<string> groups, CancellationToken cancellationToken)
    {
        foreach (var group in groups)
        {
            if (await _groups.FindAsync(group, cancellationToken).ConfigureAwait(false) is null)
            {
                return Error.NotFound("access_group_not_found", $"Model access group '{group}' not found");
            }
        }

        return null;
    }

    private static SaasTeamView View(TeamInfo team, CreditAccount? account) => new()
    {
        TeamId = team.TeamId,
        TeamAlias = team.TeamAlias,
        OrganizationId = team.OrganizationId,
        Status = team.Blocked ? "suspended" : "active",
        AccessGroups = team.Models,
        CreditsAllocated = account?.CreditsAllocated ?? 0,
        CreditsUsed = account?.CreditsUsed ?? 0,
        CreditsRemaining = account?.CreditsRemaining ?? 0,
        BudgetMode = account?.BudgetMode ?? BudgetModes.JobBased,
        CreditsPerDollar = account?.CreditsPerDollar ?? 10m,
        Credits = account,
        Metadata = team.Metadata,
        CreatedAt = team.CreatedAt,
        UpdatedAt = team.UpdatedAt,
    };
}
