using System.Text;
using System.Text.Json.Serialization.Metadata;
using LlmPlatform.Api.Endpoints;
using LlmPlatform.Api.Errors;
using LlmPlatform.Api.Streaming;
using LlmPlatform.Application.Conversations;
using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Application.Gateway.Generate;
using LlmPlatform.Domain.Common;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace LlmPlatform.Api.Controllers.GatewayUser;

/// <summary>
/// The gateway-user dialect's generation (seed 003): <c>POST /v1/generate</c> runs a chat completion through the
/// gateway (whole, or streamed as Server-Sent Events), with a session's messages as history; its request id
/// (<c>x-request-id</c>) can be looked up and cancelled under <c>/v1/requests</c> while it runs and for a while after.
/// </summary>
[Tags("Generation")]
[ProducesResponseType<ErrorEnvelope>(StatusCodes.Status404NotFound)]
public sealed class GenerateController : DialectController
{
    public GenerateController(IMediator mediator)
        : base(mediator)
    {
    }

    [HttpPost("/v1/generate")]
    [ProducesResponseType<GenerateResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status409Conflict)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status503ServiceUnavailable)]
    public async Task<IActionResult> Generate([FromBody] GenerateRequest request, CancellationToken cancellationToken)
    {
        if (request.Input is { Images.Count: > 0 } or { Mesh: not null })
        {
            return Failure(Error.Validation("Only a text 'input.prompt' is supported on this gateway.", "input"));
        }

        var parameters = request.Parameters;
        var command = new GenerateCommand(
            request.Model,
            request.Modality,
            request.Input?.Prompt,
            parameters?.Temperature,
            parameters?.MaxTokens,
            parameters?.TopP,
            parameters?.Stop,
            request.SessionId,
            request.Stream == true,
            Caller,
            RequestId);
        var result = await Mediator.Send(command, cancellationToken);
        if (!result.IsSuccess)
        {
            return Failure(result.Error!);
        }

        if (result.Value.Response is { } whole)
        {
            return Ok(whole);
        }

        await StreamAsync(result.Value, cancellationToken);
        return new EmptyResult();
    }

    [HttpGet("/v1/requests/{requestId}/status")]
    [ProducesResponseType<GenerationStatus>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Status(string requestId, CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new GetGenerationStatusQuery(requestId, Caller), cancellationToken));

    /// <summary>Cancels a running generation and its upstream call; an ended one is left as it ended.</summary>
    [HttpPost("/v1/requests/{requestId}/cancel")]
    [ProducesResponseType<CancelledGeneration>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Cancel(string requestId, CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new CancelGenerationCommand(requestId, Caller), cancellationToken));

    /// <summary>
    /// Sends the answer's text as it comes, one event per piece, then a last event with the usage (or the error that
    /// ended it) and <c>[DONE]</c>; a whole answer's turn is recorded in the session before the last event.
    /// </summary>
    private async Task StreamAsync(GenerateOutcome outcome, CancellationToken cancellationToken)
    {
        using var generation = outcome.Generation;
        var chat = outcome.Chat!;
        var options = HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.JsonSerializerOptions;
        var type = (JsonTypeInfo<GenerateChunk>)options.GetTypeInfo(typeof(GenerateChunk));
        GatewayHeaders.Write(Response, chat.CacheHit ? null : chat.DeploymentId, chat.Attempts, null);
        SseWriter.PrepareHeaders(Response);
        using var writer = new SseWriter(Response);
        var first = new GenerateChunk { RequestId = generation.RequestId, Model = outcome.Model, SessionId = outcome.SessionId };
        var text = new StringBuilder();
        Usage? usage = null;
        Error? failure = null;
        try
        {
            if (chat.Stream is { } stream)
            {
                await using (stream)
                {
                    try
                    {
                        while (true)
                        {
                            var next = await stream.ReadAsync(generation.Token);
                            if (!next.IsSuccess)
                            {
                                failure = next.Error;
                                break;
                            }

                            if (next.Value is not { } chunk)
                            {
                                break;
                            }

                            usage = chunk.Usage ?? usage;
                            var piece = string.Concat(chunk.Choices.Select(c => c.Delta.Content));
                            if (piece.Length > 0)
                            {
                                text.Append(piece);
                                await writer.WriteAsync(first with { Output = new GenerateOutput(piece) }, type, cancellationToken);
                            }
                        }
                    }
                    catch (OperationCanceledException) when (generation.IsCancelled && !cancellationToken.IsCancellationRequested)
                    {
                        failure = GenerationErrors.Cancelled(generation.RequestId);
                    }
                }
            }
            else
            {
                var cached = chat.Response!;
                text.Append(cached.Choices.Count > 0 ? cached.Choices[0].Message.Content : null);
                usage = cached.Usage;
                await writer.WriteAsync(first with { Output = new GenerateOutput(text.ToString()) }, type, cancellationToken);
            }

            if (failure is not null)
            {
                generation.Fail(failure.Message);
                var status = ErrorMapping.StatusOf(failure);
                await writer.WriteAsync(
                    first with { Done = true, Error = new ErrorBody { Message = failure.Message, Type = ErrorMapping.TypeOf(failure, status), Param = failure.Param, Code = failure.Code } },
                    type,
                    cancellationToken);
                await writer.WriteDoneAsync(cancellationToken);
                return;
            }

            if (outcome.SessionId is { } sessionId)
            {
                var appended = await Mediator.Send(new AppendSessionTurnCommand(sessionId, outcome.Prompt, text.ToString(), outcome.Model, generation.RequestId, Caller), CancellationToken.None);
                if (!appended.IsSuccess)
                {
                    generation.Fail(appended.Error!.Message);
                    return;
                }
            }

            generation.Complete();
            var total = usage ?? Usage.Of(0, 0);
            await writer.WriteAsync(first with { Done = true, Usage = new GenerateUsage(total.PromptTokens, total.CompletionTokens, total.TotalTokens) }, type, cancellationToken);
            await writer.WriteDoneAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            chat.Stream?.MarkClientCancelled();
        }
        finally
        {
            // A no-op once it has ended; otherwise (the client left, or a bug threw) it is not left running.
            generation.Fail("The request ended without an answer.");
        }
    }
}
