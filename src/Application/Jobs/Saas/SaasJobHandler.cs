using System.Text.Json;
using System.Text.Json.Nodes;
using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Access.Teams;
using LlmPlatform.Application.Billing.Credits;
using LlmPlatform.Application.Billing.Reports;
using LlmPlatform.Application.Gateway;
using LlmPlatform.Application.Gateway.ChatCompletions;
using LlmPlatform.Application.Webhooks;
using LlmPlatform.Domain.Common;
using MediatR;

namespace LlmPlatform.Application.Jobs.Saas;

/// <summary>
/// The SaaS jobs: a team's key (or an admin) creates a job, makes calls within it through the gateway, and completes
/// it; a completed job whose calls all succeeded is charged to the team's credits once, by its budget mode.
/// </summary>
internal sealed class SaasJobHandler :
    IRequestHandler<CreateSaasJobCommand, Result<SaasJob>>,
    IRequestHandler<GetSaasJobQuery, Result<SaasJob>>,
    IRequestHandler<UpdateSaasJobMetadataCommand, Result<SaasJobMetadata>>,
    IRequestHandler<RunSaasJobCallCommand, Result<SaasJobCallStart>>,
    IRequestHandler<RecordSaasJobCallCommand, Result<SaasJobCall>>,
    IRequestHandler<CompleteSaasJobCommand, Result<SaasJobCompletion>>,
    IRequestHandler<GetSaasJobCostsQuery, Result<SaasJobCosts>>,
    IRequestHandler<ListSaasJobsQuery, Result<SaasJobList>>
{
    private readonly ISaasJobStore _jobs;
    private readonly ICreditStore _credits;
    private readonly ITeamStore _teams;
    private readonly IMediator _mediator;
    private readonly IWebhookEventPublisher _webhooks;
    private readonly TimeProvider _time;

    public SaasJobHandler(
        ISaasJobStore jobs,
        ICreditStore credits,
        ITeamStore teams,
        IMediator mediator,
        IWebhookEventPublisher webhooks,
        TimeProvider time)
    {
        _jobs = jobs;
        _credits = credits;
        _teams = teams;
        _mediator = mediator;
        _webhooks = webhooks;
        _time = time;
    }

    public async Task<Result<SaasJob>> Handle(CreateSaasJobCommand request, CancellationToken cancellationToken)
    {
        var caller = request.Caller;
        var teamId = request.TeamId!;
        if (TeamScope.Check(caller, teamId, SaasJobErrors.TeamMismatch(teamId).Message) is { } refused)
        {
            return refused;
        }

        var team = await _teams.FindAsync(teamId, cancellationToken).ConfigureAwait(false);
        if (team is null)
        {
            return Error.NotFound("team_not_found", $"Team '{teamId}' not found");
        }

        var now = _time.GetUtcNow();
        var job = new SaasJob
        {
            JobId = Guid.NewGuid(),
            TeamId = teamId,
            OrganizationId = team.OrganizationId,
            UserId = request.UserId,
            JobType = request.JobType!,
            Status = SaasJobStatus.Pending,
            Metadata = request.Metadata ?? [],
            CreatedAt = now,
            UpdatedAt = now,
        };
        await _jobs.AddAsync(job, cancellationToken).ConfigureAwait(false);
        return job;
    }

    public async Task<Result<SaasJob>> Handle(GetSaasJobQuery request, CancellationToken cancellationToken) =>
        await FindAsync(request.JobId, request.Caller, cancellationToken).ConfigureAwait(false);

    public async Task<Result<SaasJobMetadata>> Handle(UpdateSaasJobMetadataCommand request, CancellationToken cancellationToken)
    {
        var found = await FindAsync(request.JobId, request.Caller, cancellationToken).ConfigureAwait(false);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var merged = new Dictionary<string, JsonElement>(found.Value.Metadata);
        foreach (var (key, value) in request.Metadata!)
        {
            merged[key] = value;
        }

        if (!SaasJobRules.FitsMetadata(merged))
        {
            return Error.Validation(SaasJobRules.MetadataTooLarge, "metadata");
        }

        var job = await _jobs.MergeMetadataAsync(found.Value.JobId, request.Metadata!, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (job is null)
        {
            return SaasJobErrors.JobNotFound;
        }

        return new SaasJobMetadata(job.JobId, job.Metadata, job.UpdatedAt);
    }

    public async Task<Result<SaasJobCallStart>> Handle(RunSaasJobCallCommand request, CancellationToken cancellationToken)
    {
        var found = await FindAsync(request.JobId, request.Caller, cancellationToken).ConfigureAwait(false);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var job = found.Value;
        if (SaasJobStatus.IsFinal(job.Status))
        {
            return SaasJobErrors.AlreadyEnded(job.Status);
        }

        if (await _credits.FindAsync(job.TeamId, cancellationToken).ConfigureAwait(false) is { CreditsRemaining: <= 0 })
        {
            return SaasJobErrors.InsufficientCredits;
        }

        var model = request.Request.Model is { Length: > 0 } named ? named : DefaultModel(request.Caller);
        if (model is null)
        {
            return Error.Missing("model");
        }

        var started = _time.GetUtcNow();
        await _jobs.MarkCallStartedAsync(job.JobId, model, started, cancellationToken).ConfigureAwait(false);
        var receipt = new CallReceipt();
        var chat = request.Request with { Model = model, User = request.Request.User ?? job.UserId };
        var result = await _mediator.Send(new CreateChatCompletionCommand(chat, request.Caller, request.RequestId, Receipt: receipt), cancellationToken).ConfigureAwait(false);
        var start = new SaasJobCallStart
        {
            JobId = job.JobId,
            CallId = Guid.NewGuid(),
            ModelGroup = model,
            Purpose = request.Purpose,
            CallMetadata = request.CallMetadata,
            RequestId = request.RequestId,
            Outcome = result.IsSuccess ? result.Value : new ChatCompletionOutcome { ModelGroup = model, DeploymentId = string.Empty },
            Receipt = receipt,
        };
        if (!result.IsSuccess)
        {
            await RecordAsync(start, started, result.Error!.Message, CancellationToken.None).ConfigureAwait(false);
            return result.Error!;
        }

        if (result.Value.Stream is not null)
        {
            return start with { Recorded = null, Started = started };
        }

        var recorded = await RecordAsync(start, started, null, CancellationToken.None).ConfigureAwait(false);
        return start with { Recorded = recorded, Started = started };
    }

    public async Task<Result<SaasJobCall>> Handle(RecordSaasJobCallCommand request, CancellationToken cancellationToken) =>
        await RecordAsync(request.Start, request.Start.Started, request.StreamError, cancellationToken).ConfigureAwait(false);

    public async Task<Result<SaasJobCompletion>> Handle(CompleteSaasJobCommand request, CancellationToken cancellationToken)
    {
        var found = await FindAsync(request.JobId, request.Caller, cancellationToken).ConfigureAwait(false);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var before = found.Value;
        var now = _time.GetUtcNow();
        var job = await _jobs.CompleteAsync(before.JobId, request.Status!, request.ErrorMessage, request.Metadata, now, cancellationToken).ConfigureAwait(false);
        if (job is null)
        {
            return SaasJobErrors.JobNotFound;
        }

        var calls = await _jobs.ListCallsAsync(job.JobId, cancellationToken).ConfigureAwait(false);
        var account = await _credits.FindAsync(job.TeamId, cancellationToken).ConfigureAwait(false);
        var applied = job.CreditApplied;
        var remaining = account?.CreditsRemaining;
        if (account is not null && !applied && job.Status == SaasJobStatus.Completed && calls.All(c => c.Error is null))
        {
            var summary = SaasJobCostSummary.Of(calls, false, null);
            var credits = account.ChargeFor(summary.TotalCostUsd, summary.TotalTokens);
            var reason = $"Job {job.JobType} completed ({account.BudgetMode} mode: {credits} credits)";
            var charge = await _credits.ChargeJobAsync(job.JobId, job.TeamId, credits, reason, now, CancellationToken.None).ConfigureAwait(false);
            applied = charge.Applied;
            remaining = charge.CreditsRemaining;
        }

        var costs = SaasJobCostSummary.Of(calls, applied, remaining);
        if (!SaasJobStatus.IsFinal(before.Status))
        {
            await PublishAsync(job, costs).ConfigureAwait(false);
        }

        return new SaasJobCompletion(job.JobId, job.Status, job.CompletedAt, costs, calls.Select(SaasJobCallSummary.Of).ToList());
    }

    public async Task<Result<SaasJobCosts>> Handle(GetSaasJobCostsQuery request, CancellationToken cancellationToken)
    {
        var found = await FindAsync(request.JobId, request.Caller, cancellationToken).ConfigureAwait(false);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var job = found.Value;
        var calls = await _jobs.ListCallsAsync(job.JobId, cancellationToken).ConfigureAwait(false);
        var breakdown = calls
            .Select(c => new SaasJobCallCost(c.CallId, c.DeploymentId, c.ModelGroup, c.Purpose, c.PromptTokens, c.CompletionTokens, c.CostUsd, c.Error, c.CreatedAt))
            .ToList();
        var total = decimal.Round(calls.Sum(c => c.CostUsd), 6);
        return new SaasJobCosts(job.JobId, job.TeamId, job.JobType, job.Status, new SaasJobCostBreakdown(total, breakdown));
    }

    public async Task<Result<SaasJobList>> Handle(ListSaasJobsQuery request, CancellationToken cancellationToken)
    {
        var caller = request.Caller;
        var teamId = request.TeamId is { Length: > 0 } named ? named : caller.IsAdmin ? null : caller.TeamId;
        if (teamId is null && !caller.IsAdmin)
        {
            return Error.Forbidden("This key belongs to no team, so it has no jobs to list.");
        }

        if (teamId is not null && TeamScope.Check(caller, teamId, "Cannot access jobs for a different team") is { } refused)
        {
            return refused;
        }

        var period = ReportDates.OptionalPeriod(request.StartDate, request.EndDate);
        var filter = new SaasJobFilter(
            teamId,
            request.Status,
            period is { From: var from } && from != DateOnly.MinValue ? new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
            period is { To: var to } && to != DateOnly.MaxValue ? new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
            request.SortBy ?? "created_at",
            request.Order != "asc",
            request.Limit,
            request.Offset);
        var (jobs, total) = await _jobs.ListAsync(filter, cancellationToken).ConfigureAwait(false);
        return new SaasJobList(teamId, total, request.Limit, request.Offset, jobs);
    }

    /// <summary>The job, if the caller may see it: an unknown id (or not an id) is a 404, another team's job a 403.</summary>
    private async Task<Result<SaasJob>> FindAsync(string jobId, CallerIdentity caller, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(jobId, out var id))
        {
            return SaasJobErrors.JobNotFound;
        }

        var job = await _jobs.FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (job is null)
        {
            return SaasJobErrors.JobNotFound;
        }

        return TeamScope.Check(caller, job.TeamId, SaasJobErrors.NotYourJob.Message) is { } refused ? refused : job;
    }

    /// <summary>The model a call that names none goes to: the first one the key (else its team) may use.</summary>
    private static string? DefaultModel(CallerIdentity caller) =>
        caller.AllowedModels.Concat(caller.TeamModels).FirstOrDefault(m => m is not ("*" or "all-proxy-models" or "all-team-models"));

    private async Task<SaasJobCall> RecordAsync(SaasJobCallStart start, DateTimeOffset started, string? error, CancellationToken cancellationToken)
    {
        var receipt = start.Receipt;
        var call = new SaasJobCall
        {
            CallId = start.CallId,
            JobId = start.JobId,
            RequestId = start.RequestId,
            Purpose = start.Purpose,
            ModelGroup = start.ModelGroup,
            DeploymentId = receipt.DeploymentId,
            PromptTokens = receipt.PromptTokens,
            CompletionTokens = receipt.CompletionTokens,
            CostUsd = receipt.Cost,
            LatencyMs = (int)Math.Min(int.MaxValue, (receipt.Settled ? receipt.Duration : _time.GetUtcNow() - started).TotalMilliseconds),
            Error = error ?? (receipt.Settled ? receipt.ErrorType : "The call ended before it was answered."),
            CreatedAt = _time.GetUtcNow(),
        };
        await _jobs.AddCallAsync(call, cancellationToken).ConfigureAwait(false);
        if (call.Error is null && start.CallMetadata is { Count: > 0 } merge)
        {
            await _jobs.MergeMetadataAsync(start.JobId, merge, call.CreatedAt, cancellationToken).ConfigureAwait(false);
        }

        return call;
    }

    private Task PublishAsync(SaasJob job, SaasJobCostSummary costs)
    {
        var type = job.Status == SaasJobStatus.Completed ? WebhookEventTypes.JobCompleted : WebhookEventTypes.JobFailed;
        var data = new JsonObject
        {
            ["job_id"] = job.JobId.ToString(),
            ["team_id"] = job.TeamId,
            ["job_type"] = job.JobType,
            ["status"] = job.Status,
            ["total_calls"] = costs.TotalCalls,
            ["failed_calls"] = costs.FailedCalls,
            ["total_tokens"] = costs.TotalTokens,
            ["total_cost_usd"] = costs.TotalCostUsd,
            ["credit_applied"] = costs.CreditApplied,
            ["duration_seconds"] = job.CompletedAt is { } end ? Math.Round((end - (job.StartedAt ?? job.CreatedAt)).TotalSeconds, 3) : 0,
            ["error_message"] = job.ErrorMessage,
        };
        return _webhooks.PublishAsync(new WebhookEvent(type, data, "team:" + job.TeamId), CancellationToken.None);
    }
}
