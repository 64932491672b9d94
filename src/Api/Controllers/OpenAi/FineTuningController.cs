using System.Text.Json.Nodes;
using LlmPlatform.Api.Errors;
using LlmPlatform.Application.Jobs;
using LlmPlatform.Application.Jobs.FineTuning;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace LlmPlatform.Api.Controllers.OpenAi;

/// <summary>
/// <c>/v1/fine_tuning/jobs</c>: create (at the provider that serves the base model), list, get, cancel, events,
/// checkpoints. <c>/v1/fine-tuning/jobs</c> is an alias.
/// </summary>
[Tags("OpenAI")]
public sealed class FineTuningController : DialectController
{
    public FineTuningController(IMediator mediator)
        : base(mediator)
    {
    }

    [HttpPost("/v1/fine_tuning/jobs")]
    [HttpPost("/fine_tuning/jobs")]
    [HttpPost("/v1/fine-tuning/jobs")]
    [HttpPost("/fine-tuning/jobs")]
    [ProducesResponseType<FineTuningJobObject>(StatusCodes.Status200OK)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Create([FromBody] CreateFineTuningJobRequest request, CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(
            new CreateFineTuningJobCommand(
                Caller,
                request.TrainingFile,
                request.ValidationFile,
                request.Model,
                request.EffectiveHyperparameters(),
                request.Suffix,
                request.Seed,
                request.Metadata),
            cancellationToken));

    [HttpGet("/v1/fine_tuning/jobs")]
    [HttpGet("/fine_tuning/jobs")]
    [HttpGet("/v1/fine-tuning/jobs")]
    [HttpGet("/fine-tuning/jobs")]
    [ProducesResponseType<ListPage<FineTuningJobObject>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> List([FromQuery] int? limit, [FromQuery] string? after, CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new ListFineTuningJobsQuery(Caller, limit, after), cancellationToken));

    [HttpGet("/v1/fine_tuning/jobs/{jobId}")]
    [HttpGet("/fine_tuning/jobs/{jobId}")]
    [HttpGet("/v1/fine-tuning/jobs/{jobId}")]
    [HttpGet("/fine-tuning/jobs/{jobId}")]
    [ProducesResponseType<FineTuningJobObject>(StatusCodes.Status200OK)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Get(string jobId, CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new GetFineTuningJobQuery(Caller, jobId), cancellationToken));

    [HttpPost("/v1/fine_tuning/jobs/{jobId}/cancel")]
    [HttpPost("/fine_tuning/jobs/{jobId}/cancel")]
    [HttpPost("/v1/fine-tuning/jobs/{jobId}/cancel")]
    [HttpPost("/fine-tuning/jobs/{jobId}/cancel")]
    [ProducesResponseType<FineTuningJobObject>(StatusCodes.Status200OK)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Cancel(string jobId, CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new CancelFineTuningJobCommand(Caller, jobId), cancellationToken));

    [HttpGet("/v1/fine_tuning/jobs/{jobId}/events")]
    [HttpGet("/fine_tuning/jobs/{jobId}/events")]
    [HttpGet("/v1/fine-tuning/jobs/{jobId}/events")]
    [HttpGet("/fine-tuning/jobs/{jobId}/events")]
    [ProducesResponseType<ListPage<JsonObject>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Events(string jobId, [FromQuery] int? limit, [FromQuery] string? after, CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new ListFineTuningEventsQuery(Caller, jobId, limit, after), cancellationToken));

    [HttpGet("/v1/fine_tuning/jobs/{jobId}/checkpoints")]
    [HttpGet("/fine_tuning/jobs/{jobId}/checkpoints")]
    [HttpGet("/v1/fine-tuning/jobs/{jobId}/checkpoints")]
    [HttpGet("/fine-tuning/jobs/{jobId}/checkpoints")]
    [ProducesResponseType<ListPage<JsonObject>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Checkpoints(string jobId, [FromQuery] int? limit, [FromQuery] string? after, CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new ListFineTuningCheckpointsQuery(Caller, jobId, limit, after), cancellationToken));
}
