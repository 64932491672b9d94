using LlmPlatform.Api.Errors;
using LlmPlatform.Application.Jobs;
using LlmPlatform.Application.Jobs.Batches;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace LlmPlatform.Api.Controllers.OpenAi;

/// <summary><c>/v1/batches</c>: create, get, cancel, list.</summary>
[Tags("OpenAI")]
public sealed class BatchesController : DialectController
{
    public BatchesController(IMediator mediator)
        : base(mediator)
    {
    }

    [HttpPost("/v1/batches")]
    [HttpPost("/batches")]
    [Consumes("application/json")]
    [ProducesResponseType<BatchObject>(StatusCodes.Status200OK)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Create([FromBody] CreateBatchRequest request, CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(
            new CreateBatchCommand(Caller, request.InputFileId, request.Endpoint, request.CompletionWindow, request.Metadata),
            cancellationToken));

    [HttpGet("/v1/batches")]
    [HttpGet("/batches")]
    [ProducesResponseType<ListPage<BatchObject>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> List([FromQuery] int? limit, [FromQuery] string? after, CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new ListBatchesQuery(Caller, limit, after), cancellationToken));

    [HttpGet("/v1/batches/{batchId}")]
    [HttpGet("/batches/{batchId}")]
    [ProducesResponseType<BatchObject>(StatusCodes.Status200OK)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Get(string batchId, CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new GetBatchQuery(Caller, batchId), cancellationToken));

    [HttpPost("/v1/batches/{batchId}/cancel")]
    [HttpPost("/batches/{batchId}/cancel")]
    [ProducesResponseType<BatchObject>(StatusCodes.Status200OK)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status409Conflict)]
    public async Task<IActionResult> Cancel(string batchId, CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new CancelBatchCommand(Caller, batchId), cancellationToken));
}
