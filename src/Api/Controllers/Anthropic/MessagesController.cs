using System.Text.Json;
using LlmPlatform.Api.Endpoints;
using LlmPlatform.Api.Errors;
using LlmPlatform.Api.Streaming;
using LlmPlatform.Application.Gateway;
using LlmPlatform.Application.Gateway.ChatCompletions;
using LlmPlatform.Application.Gateway.Messages;
using LlmPlatform.Application.Gateway.Messages.Contracts;
using LlmPlatform.Application.Gateway.Messages.CountTokens;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace LlmPlatform.Api.Controllers.Anthropic;

/// <summary>
/// Anthropic's <c>POST /v1/messages</c> as an input format: translated to a chat completion and sent down the same
/// chat path (routing, retries, fallbacks, limits, usage), answered as an Anthropic message or Anthropic SSE.
/// <c>anthropic-version</c> and <c>anthropic-beta</c> are accepted and ignored.
/// </summary>
[Tags("Anthropic")]
[ProducesResponseType<AnthropicErrorEnvelope>(StatusCodes.Status400BadRequest)]
[ProducesResponseType<AnthropicErrorEnvelope>(StatusCodes.Status401Unauthorized)]
public sealed class MessagesController : DialectController
{
    private const string CallType = "anthropic_messages";

    public MessagesController(IMediator mediator)
        : base(mediator)
    {
    }

    [HttpPost("/v1/messages")]
    [HttpPost("/messages")]
    [Consumes("application/json")]
    [ProducesResponseType<AnthropicMessageResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<AnthropicErrorEnvelope>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Create([FromBody] AnthropicMessagesRequest request, [FromServices] ITokenCounter tokens, CancellationToken cancellationToken)
    {
        var chat = AnthropicRequestTranslator.ToChat(request);
        if (!chat.IsSuccess)
        {
            return Failure(chat.Error!);
        }

        var command = new CreateChatCompletionCommand(chat.Value, Caller, RequestId, CallType);
        var result = await Mediator.Send(command, cancellationToken);
        if (!result.IsSuccess)
        {
            return Failure(result.Error!);
        }

        var outcome = result.Value;
        GatewayHeaders.Write(Response, outcome.CacheHit ? null : outcome.DeploymentId, outcome.Attempts, outcome.Cost);
        if (outcome.Stream is not { } stream)
        {
            Response.StatusCode = 200;
            Response.ContentType = "application/json";
            var message = AnthropicResponseTranslator.FromChat(outcome.Response!, request.Model!);
            await JsonSerializer.SerializeAsync(Response.Body, message, AnthropicJsonContext.Default.AnthropicMessageResponse, cancellationToken);
            return new EmptyResult();
        }

        var translator = new AnthropicStreamTranslator(request.Model!, command.EstimatePromptTokens(tokens));
        await RelayAsync(stream, translator, tokens, cancellationToken);
        return new EmptyResult();
    }

    [HttpPost("/v1/messages/count_tokens")]
    [HttpPost("/messages/count_tokens")]
    [Consumes("application/json")]
    [ProducesResponseType<AnthropicTokenCount>(StatusCodes.Status200OK)]
    public async Task<IActionResult> CountTokens([FromBody] AnthropicMessagesRequest request, CancellationToken cancellationToken)
    {
        var result = await Mediator.Send(new CountMessageTokensQuery(request, Caller), cancellationToken);
        if (!result.IsSuccess)
        {
            return Failure(result.Error!);
        }

        Response.StatusCode = 200;
        Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(Response.Body, result.Value, AnthropicJsonContext.Default.AnthropicTokenCount, cancellationToken);
        return new EmptyResult();
    }

    private async Task RelayAsync(GatewayChatStream stream, AnthropicStreamTranslator translator, ITokenCounter tokens, CancellationToken cancellationToken)
    {
        await using var _ = stream;
        SseWriter.PrepareHeaders(Response);
        using var writer = new SseWriter(Response);
        try
        {
            while (true)
            {
                var next = await stream.ReadAsync(cancellationToken);
                if (!next.IsSuccess)
                {
                    await writer.WriteNamedAsync("error", AnthropicErrors.Envelope(next.Error!), ApiJsonContext.Default.AnthropicErrorEnvelope, cancellationToken);
                    return;
                }

                if (next.Value is not { } chunk)
                {
                    break;
                }

                await WriteAsync(writer, translator.Translate(chunk), cancellationToken);
            }

            await WriteAsync(writer, translator.Finish(tokens.CountText(translator.OutputText)), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            stream.MarkClientCancelled();
        }
    }

    private static async Task WriteAsync(SseWriter writer, IReadOnlyList<AnthropicStreamEvent> events, CancellationToken cancellationToken)
    {
        foreach (var streamEvent in events)
        {
            await writer.WriteNamedAsync(streamEvent.Type, streamEvent, AnthropicJsonContext.Default.AnthropicStreamEvent, cancellationToken);
        }
    }
}
