using System.Globalization;
using System.Text.Json;
using LlmPlatform.Api.Errors;
using LlmPlatform.Api.Streaming;
using LlmPlatform.Application.Gateway.Caching;
using LlmPlatform.Application.Gateway.ChatCompletions;
using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Domain.Common;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace LlmPlatform.Api.Controllers.OpenAi;

/// <summary><c>POST /v1/chat/completions</c>, streamed (Server-Sent Events) or not.</summary>
[Tags("OpenAI")]
public sealed class ChatCompletionsController : DialectController
{
    public ChatCompletionsController(IMediator mediator)
        : base(mediator)
    {
    }

    [HttpPost("/v1/chat/completions")]
    [HttpPost("/chat/completions")]
    [HttpPost("/openai/deployments/{deployment}/chat/completions")]
    [Consumes("application/json")]
    [ProducesResponseType<ChatCompletionResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status429TooManyRequests)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status502BadGateway)]
    public async Task<IActionResult> Create([FromBody] ChatCompletionRequest request)
    {
        // The body is the action's only bound parameter: bound as parameters too, the Azure route's deployment and
        // the abort token each cost MVC a binding context and a value-provider lookup on every request.
        var cancellationToken = HttpContext.RequestAborted;
        if (request.Model is null && RouteData.Values["deployment"] is string deployment)
        {
            request = request with { Model = deployment };
        }

        var result = await Mediator.Send(new CreateChatCompletionCommand(request, Caller, RequestId), cancellationToken);
        if (!result.IsSuccess)
        {
            return Failure(result.Error!);
        }

        var outcome = result.Value;
        CacheHeaders.Write(Response, outcome.CacheKey, outcome.CacheHit);
        if (!outcome.CacheHit)
        {
            Response.Headers["x-llmplatform-model-id"] = outcome.DeploymentId;
        }

        Response.Headers["x-llmplatform-attempts"] = outcome.Attempts.ToString(CultureInfo.InvariantCulture);
        if (outcome.CacheHit && request.IsStreaming)
        {
            await ReplayAsync(outcome.Response!, request.StreamOptions?.IncludeUsage == true, cancellationToken);
            return new EmptyResult();
        }

        if (outcome.Stream is null)
        {
            Response.Headers["x-llmplatform-response-cost"] = (outcome.Cost ?? 0m).ToString(CultureInfo.InvariantCulture);
            Response.StatusCode = 200;
            Response.ContentType = "application/json";
            if (outcome.Response!.UpstreamJson is { } json)
            {
                Response.ContentLength = json.Length;
                await Response.Body.WriteAsync(json, cancellationToken);
            }
            else
            {
                await JsonSerializer.SerializeAsync(Response.Body, outcome.Response, GatewayJsonContext.Default.ChatCompletionResponse, cancellationToken);
            }

            return new EmptyResult();
        }

        await RelayAsync(outcome.Stream, request.StreamOptions?.IncludeUsage == true, cancellationToken);
        return new EmptyResult();
    }

    /// <summary>Sends a cached answer as the stream the client asked for.</summary>
    private async Task ReplayAsync(ChatCompletionResponse answer, bool includeUsage, CancellationToken cancellationToken)
    {
        using var chunks = ChatCompletionReplay.Chunks(answer, includeUsage).GetEnumerator();
        await SseRelay.RelayAsync(
            Response,
            _ => ValueTask.FromResult(Result<ChatCompletionChunk?>.Success(chunks.MoveNext() ? chunks.Current : null)),
            chunk => chunk,
            GatewayJsonContext.Default.ChatCompletionChunk,
            static () => { },
            cancellationToken);
    }

    private async Task RelayAsync(GatewayChatStream stream, bool includeUsage, CancellationToken cancellationToken)
    {
        await using var _ = stream;
        await SseRelay.RelayAsync(
            Response,
            stream.ReadAsync,
            chunk => chunk.Usage is null || includeUsage ? chunk : chunk.Choices.Count == 0 ? null : chunk with { Usage = null },
            GatewayJsonContext.Default.ChatCompletionChunk,
            stream.MarkClientCancelled,
            cancellationToken,
            static chunk => chunk.TakeUpstreamJson());
    }
}
