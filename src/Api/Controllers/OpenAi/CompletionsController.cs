using LlmPlatform.Api.Endpoints;
using LlmPlatform.Api.Errors;
using LlmPlatform.Api.Streaming;
using LlmPlatform.Application.Gateway.Completions;
using LlmPlatform.Application.Gateway.Contracts;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace LlmPlatform.Api.Controllers.OpenAi;

/// <summary>The legacy <c>POST /v1/completions</c>, streamed (Server-Sent Events) or not.</summary>
[Tags("OpenAI")]
public sealed class CompletionsController : DialectController
{
    public CompletionsController(IMediator mediator)
        : base(mediator)
    {
    }

    [HttpPost("/v1/completions")]
    [HttpPost("/completions")]
    [HttpPost("/openai/deployments/{deployment}/completions")]
    [Consumes("application/json")]
    [ProducesResponseType<TextCompletionResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Create([FromBody] TextCompletionRequest request, string? deployment, CancellationToken cancellationToken)
    {
        if (deployment is not null && request.Model is null)
        {
            request = request with { Model = deployment };
        }

        var result = await Mediator.Send(new CreateCompletionCommand(request, Caller, RequestId), cancellationToken);
        if (!result.IsSuccess)
        {
            return Failure(result.Error!);
        }

        GatewayHeaders.Write(Response, result.Value.DeploymentId, result.Value.Attempts, result.Value.Cost);
        if (result.Value.Stream is not { } stream)
        {
            return Ok(result.Value.Response);
        }

        await RelayAsync(stream, request.StreamOptions?.IncludeUsage == true, cancellationToken);
        return new EmptyResult();
    }

    private async Task RelayAsync(GatewayTextStream stream, bool includeUsage, CancellationToken cancellationToken)
    {
        await using var _ = stream;
        await SseRelay.RelayAsync(
            Response,
            stream.ReadAsync,
            chunk => chunk.Usage is null || includeUsage ? chunk : chunk.Choices.Count == 0 ? null : chunk with { Usage = null },
            GatewayJsonContext.Default.TextCompletionResponse,
            stream.MarkClientCancelled,
            cancellationToken);
    }
}
