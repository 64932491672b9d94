using LlmPlatform.Api.Endpoints;
using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Application.Jobs.Saas;
using LlmPlatform.Domain.Common;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace LlmPlatform.Api.Controllers.Saas;

/// <summary>
/// The SaaS dialect's jobs (seed 002): create a job, make LLM calls within it (whole or streamed), complete it, and
/// read its costs. Calls go through the whole gateway, so the key's limits, budgets and the ledger all apply.
/// </summary>
[Tags("SaaS jobs")]
public sealed class SaasJobsController : SaasController
{
    public SaasJobsController(IMediator mediator)
        : base(mediator)
    {
    }

    /// <summary>Creates a pending job for a team; a team's key may only create its own team's jobs.</summary>
    [HttpPost("/api/jobs/create")]
    [ProducesResponseType<SaasJob>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Create([FromBody] CreateSaasJobRequest request, CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new CreateSaasJobCommand(request.TeamId, request.UserId, request.JobType, request.Metadata, Caller), cancellationToken));

    /// <summary>
    /// The team's jobs, newest first by default: <c>team_id</c> (the key's own team unless the master key names one),
    /// <c>status</c>, <c>start_date</c> and <c>end_date</c> (creation days, inclusive), <c>sort_by</c> and <c>order</c>,
    /// <c>limit</c> (default 100) and <c>offset</c>.
    /// </summary>
    [HttpGet("/api/jobs")]
    [ProducesResponseType<SaasJobList>(StatusCodes.Status200OK)]
    public async Task<IActionResult> List([FromQuery] SaasJobListParameters query, CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(
            new ListSaasJobsQuery(query.TeamId, query.Status, query.StartDate, query.EndDate, query.SortBy, query.Order, query.Limit ?? 100, query.Offset ?? 0, Caller),
            cancellationToken));

    /// <summary>The same listing for one team.</summary>
    [HttpGet("/api/teams/{teamId}/jobs")]
    [ProducesResponseType<SaasJobList>(StatusCodes.Status200OK)]
    public Task<IActionResult> ListForTeam(string teamId, [FromQuery] SaasJobListParameters query, CancellationToken cancellationToken) =>
        List(query with { TeamId = teamId }, cancellationToken);

    /// <summary>A job, with its status, the models it used and whether it was charged.</summary>
    [HttpGet("/api/jobs/{jobId}")]
    [ProducesResponseType<SaasJob>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Get(string jobId, CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new GetSaasJobQuery(jobId, Caller), cancellationToken));

    /// <summary>Merges keys into the job's metadata.</summary>
    [HttpPatch("/api/jobs/{jobId}/metadata")]
    [ProducesResponseType<SaasJobMetadata>(StatusCodes.Status200OK)]
    public async Task<IActionResult> UpdateMetadata(string jobId, [FromBody] SaasJobMetadataRequest request, CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new UpdateSaasJobMetadataCommand(jobId, request.Metadata, Caller), cancellationToken));

    /// <summary>Ends the job as completed or failed; a completed job whose calls all succeeded is charged once.</summary>
    [HttpPost("/api/jobs/{jobId}/complete")]
    [ProducesResponseType<SaasJobCompletion>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Complete(string jobId, [FromBody] CompleteSaasJobRequest request, CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new CompleteSaasJobCommand(jobId, request.Status, request.Metadata, request.ErrorMessage, Caller), cancellationToken));

    /// <summary>What each of the job's calls cost.</summary>
    [HttpGet("/api/jobs/{jobId}/costs")]
    [ProducesResponseType<SaasJobCosts>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Costs(string jobId, CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new GetSaasJobCostsQuery(jobId, Caller), cancellationToken));

    /// <summary>One chat completion within the job: OpenAI's chat parameters, plus <c>purpose</c> and <c>call_metadata</c>.</summary>
    [HttpPost("/api/jobs/{jobId}/llm-call")]
    [ProducesResponseType<SaasJobCallResult>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Call(string jobId, [FromBody] ChatCompletionRequest request, CancellationToken cancellationToken)
    {
        var started = await StartCallAsync(jobId, request, stream: false, cancellationToken);
        return started.IsSuccess ? Ok(ResultOf(started.Value)) : Failure(started.Error!);
    }

    /// <summary>The same call, answered as Server-Sent Events of OpenAI's chunks; it is recorded on the job when it ends.</summary>
    [HttpPost("/api/jobs/{jobId}/llm-call-stream")]
    [ProducesResponseType<ChatCompletionChunk>(StatusCodes.Status200OK, "text/event-stream")]
    public async Task<IActionResult> CallStream(string jobId, [FromBody] ChatCompletionRequest request, CancellationToken cancellationToken)
    {
        var started = await StartCallAsync(jobId, request, stream: true, cancellationToken);
        if (!started.IsSuccess)
        {
            return Failure(started.Error!);
        }

        await StreamAsync(started.Value, request, cancellationToken);
        return new EmptyResult();
    }

    /// <summary>Creates a job, makes one call and completes it, in one request.</summary>
    [HttpPost("/api/jobs/create-and-call")]
    [ProducesResponseType<SaasSingleCallJob>(StatusCodes.Status200OK)]
    public async Task<IActionResult> CreateAndCall([FromBody] ChatCompletionRequest request, CancellationToken cancellationToken)
    {
        var job = await CreateForCallAsync(request, cancellationToken);
        if (!job.IsSuccess)
        {
            return Failure(job.Error!);
        }

        var jobId = job.Value.Job.JobId.ToString();
        var started = await StartCallAsync(jobId, request, job.Value.Fields, stream: false, cancellationToken);
        if (!started.IsSuccess)
        {
            await Mediator.Send(new CompleteSaasJobCommand(jobId, SaasJobStatus.Failed, null, started.Error!.Message, Caller), CancellationToken.None);
            return Failure(started.Error!);
        }

        var completed = await Mediator.Send(new CompleteSaasJobCommand(jobId, SaasJobStatus.Completed, null, null, Caller), CancellationToken.None);
        if (!completed.IsSuccess)
        {
            return Failure(completed.Error!);
        }

        var call = ResultOf(started.Value);
        var completion = completed.Value;
        return Ok(new SaasSingleCallJob(completion.JobId, completion.Status, call.Response, call.Metadata, completion.Costs, completion.CompletedAt));
    }

    /// <summary>Creates a job, streams one call, and completes the job when the stream ends.</summary>
    [HttpPost("/api/jobs/create-and-call-stream")]
    [ProducesResponseType<ChatCompletionChunk>(StatusCodes.Status200OK, "text/event-stream")]
    public async Task<IActionResult> CreateAndCallStream([FromBody] ChatCompletionRequest request, CancellationToken cancellationToken)
    {
        var job = await CreateForCallAsync(request, cancellationToken);
        if (!job.IsSuccess)
        {
            return Failure(job.Error!);
        }

        var jobId = job.Value.Job.JobId.ToString();
        var started = await StartCallAsync(jobId, request, job.Value.Fields, stream: true, cancellationToken);
        if (!started.IsSuccess)
        {
            await Mediator.Send(new CompleteSaasJobCommand(jobId, SaasJobStatus.Failed, null, started.Error!.Message, Caller), CancellationToken.None);
            return Failure(started.Error!);
        }

        var call = await StreamAsync(started.Value, request, cancellationToken);
        var status = call.Error is null ? SaasJobStatus.Completed : SaasJobStatus.Failed;
        await Mediator.Send(new CompleteSaasJobCommand(jobId, status, null, call.Error, Caller), CancellationToken.None);
        return new EmptyResult();
    }

    private static SaasJobCallResult ResultOf(SaasJobCallStart start)
    {
        var call = start.Recorded!;
        var choice = start.Outcome.Response?.Choices is { Count: > 0 } choices ? choices[0] : null;
        var response = new SaasCallResponse(choice?.Message.Content, choice?.FinishReason, choice?.Message.ToolCalls);
        return new SaasJobCallResult(call.CallId, response, new SaasCallMetadata(call.TotalTokens, call.LatencyMs, start.ModelGroup, start.ModelGroup));
    }

    private async Task<Result<(SaasJob Job, SaasCallFields Fields)>> CreateForCallAsync(ChatCompletionRequest request, CancellationToken cancellationToken)
    {
        var fields = SaasCallFields.Take(request);
        if (!fields.IsSuccess)
        {
            return fields.Error!;
        }

        var f = fields.Value;
        var job = await Mediator.Send(new CreateSaasJobCommand(f.TeamId, f.UserId, f.JobType, f.JobMetadata, Caller), cancellationToken);
        return job.IsSuccess ? (job.Value, f) : job.Error!;
    }

    private async Task<Result<SaasJobCallStart>> StartCallAsync(string jobId, ChatCompletionRequest request, bool stream, CancellationToken cancellationToken)
    {
        var fields = SaasCallFields.Take(request);
        return fields.IsSuccess ? await StartCallAsync(jobId, request, fields.Value, stream, cancellationToken) : fields.Error!;
    }

    private async Task<Result<SaasJobCallStart>> StartCallAsync(string jobId, ChatCompletionRequest request, SaasCallFields fields, bool stream, CancellationToken cancellationToken)
    {
        var chat = request with { Model = request.Model ?? fields.ModelGroup, Stream = stream };
        return await Mediator.Send(new RunSaasJobCallCommand(jobId, chat, fields.Purpose, fields.CallMetadata, Caller, RequestId), cancellationToken);
    }

    /// <summary>Relays the call's stream, then records the call on its job (also when the client left early).</summary>
    private async Task<SaasJobCall> StreamAsync(SaasJobCallStart start, ChatCompletionRequest request, CancellationToken cancellationToken)
    {
        var outcome = start.Outcome;
        GatewayHeaders.Write(Response, outcome.CacheHit ? null : outcome.DeploymentId, outcome.Attempts, null);
        try
        {
            await ChatCompletionsEndpoint.WriteStreamAsync(Response, outcome, request.StreamOptions?.IncludeUsage == true, cancellationToken);
        }
        finally
        {
            if (start.Recorded is null)
            {
                var recorded = await Mediator.Send(new RecordSaasJobCallCommand(start, null), CancellationToken.None);
                start = start with { Recorded = recorded.Value };
            }
        }

        return start.Recorded!;
    }
}
