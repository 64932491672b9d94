using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LlmPlatform.Api.Authentication;
using LlmPlatform.Api.Controllers.OpenAi;
using LlmPlatform.Api.Errors;
using LlmPlatform.Api.Hosting;
using LlmPlatform.Api.Streaming;
using LlmPlatform.Application.Gateway.Caching;
using LlmPlatform.Application.Gateway.ChatCompletions;
using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Domain.Common;
using MediatR;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace LlmPlatform.Api.Endpoints;

/// <summary>
/// <c>POST /v1/chat/completions</c>, streamed (Server-Sent Events) or not: the gateway's hottest path, so it is a
/// plain endpoint rather than an MVC action (no filter pipeline, model binding or value providers per request). It
/// reads its body itself and answers a bad one with the same envelope the MVC actions give. A request with a
/// <c>session-id</c> header is recorded once answered (<see cref="ChatRecording"/>).
/// </summary>
internal static class ChatCompletionsEndpoint
{
    private const string Json = "application/json";

    /// <summary>
    /// The paths it answers on: OpenAI's, LiteLLM's unprefixed one, and Azure OpenAI's deployment path. Written
    /// without the leading slash, as MVC's attribute routes are, so that <c>http.route</c> reads the same everywhere.
    /// </summary>
    private static readonly string[] Patterns =
    [
        "v1/chat/completions",
        "chat/completions",
        "openai/deployments/{deployment}/chat/completions",
    ];

    public static void Map(IEndpointRouteBuilder app)
    {
        // The same serializer options the MVC actions bind with (names, enums, strict numbers).
        var options = app.ServiceProvider.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var requestType = (JsonTypeInfo<ChatCompletionRequest>)options.GetTypeInfo(typeof(ChatCompletionRequest));
        foreach (var pattern in Patterns)
        {
            // The Azure path's deployment is bound as a route parameter so that the OpenAPI document lists it.
            var handler = pattern.Contains("{deployment}", StringComparison.Ordinal)
                ? (Delegate)((HttpContext context, string deployment) => CreateAsync(context, requestType, deployment))
                : (Func<HttpContext, Task>)(context => CreateAsync(context, requestType, null));
            app.MapPost(pattern, handler)
                .WithTags("OpenAI")
                .WithMetadata(new OperationName("ChatCompletionsCreate"))
                .Accepts<ChatCompletionRequest>(Json, "application/*+json")
                .Produces<ErrorEnvelope>(StatusCodes.Status400BadRequest, Json)
                .Produces<ErrorEnvelope>(StatusCodes.Status401Unauthorized, Json)
                .Produces<ChatCompletionResponse>(StatusCodes.Status200OK, Json)
                .Produces<ErrorEnvelope>(StatusCodes.Status404NotFound, Json)
                .Produces<ErrorEnvelope>(StatusCodes.Status429TooManyRequests, Json)
                .Produces<ErrorEnvelope>(StatusCodes.Status502BadGateway, Json);
        }
    }

    private static async Task CreateAsync(HttpContext context, JsonTypeInfo<ChatCompletionRequest> requestType, string? deployment)
    {
        var cancellationToken = context.RequestAborted;
        if (!context.Request.HasJsonContentType())
        {
            // The error handling middleware writes the envelope for an empty 415.
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return;
        }

        if (context.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: false })
        {
            await InvalidModelState.WriteMissingBodyAsync(context);
            return;
        }

        ChatCompletionRequest? request;
        try
        {
            request = await ReadRequestAsync(context.Request, requestType, cancellationToken);
        }
        catch (JsonException ex)
        {
            await InvalidModelState.WriteAsync(context, ex);
            return;
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await InvalidModelState.WriteTooLargeAsync(context);
            return;
        }

        if (request is null)
        {
            await InvalidModelState.WriteMissingBodyAsync(context);
            return;
        }

        if (request.Model is null && deployment is not null)
        {
            request = request with { Model = deployment };
        }

        var mediator = context.RequestServices.GetRequiredService<IMediator>();
        var caller = ApiKeyMiddleware.CallerOf(context);
        var requestId = RequestIdMiddleware.Of(context);
        var command = new CreateChatCompletionCommand(request, caller, requestId, Receipt: ChatRecording.Begin(context, request, caller, requestId));
        var result = await mediator.Send(command, cancellationToken);
        if (!result.IsSuccess)
        {
            await ErrorWriter.WriteAsync(context, result.Error!);
            return;
        }

        var response = context.Response;
        var outcome = result.Value;
        CacheHeaders.Write(response, outcome.CacheKey, outcome.CacheHit);
        GatewayHeaders.Write(response, outcome.CacheHit ? null : outcome.DeploymentId, outcome.Attempts, outcome.Stream is null ? outcome.Cost ?? 0m : null);
        if (request.IsStreaming && (outcome.CacheHit || outcome.Stream is not null))
        {
            await WriteStreamAsync(response, outcome, request.StreamOptions?.IncludeUsage == true, cancellationToken);
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = Json;
        if (outcome.Response!.TakeUpstreamJson() is { Array: { } pooled } json)
        {
            try
            {
                response.ContentLength = json.Count;
                await response.Body.WriteAsync(json, cancellationToken);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(pooled);
            }
        }
        else
        {
            await JsonSerializer.SerializeAsync(response.Body, outcome.Response, GatewayJsonContext.Default.ChatCompletionResponse, cancellationToken);
        }
    }

    /// <summary>
    /// Writes a streamed request's answer as Server-Sent Events: the upstream's stream as it comes, or a cached answer
    /// replayed as one. Other dialects that answer with OpenAI's chunks use it too.
    /// </summary>
    internal static Task WriteStreamAsync(HttpResponse response, ChatCompletionOutcome outcome, bool includeUsage, CancellationToken cancellationToken) =>
        outcome.Stream is { } stream
            ? RelayAsync(response, stream, includeUsage, cancellationToken)
            : ReplayAsync(response, outcome.Response!, includeUsage, cancellationToken);

    /// <summary>
    /// Reads the request body. A body that is already all in the first read (most are: a few kilobytes sent in one
    /// go) is parsed in one synchronous pass over those bytes, which costs a fraction of the resumable parse over the
    /// pipe; a body still arriving goes to the resumable parse, which reads it from its first byte as it comes.
    /// </summary>
    private static async ValueTask<ChatCompletionRequest?> ReadRequestAsync(
        HttpRequest request,
        JsonTypeInfo<ChatCompletionRequest> requestType,
        CancellationToken cancellationToken)
    {
        var body = request.BodyReader;
        var read = await body.ReadAsync(cancellationToken);
        var buffer = read.Buffer;
        if (!read.IsCompleted && (request.ContentLength is not { } declared || buffer.Length < declared))
        {
            body.AdvanceTo(buffer.Start, buffer.End);
            return await JsonSerializer.DeserializeAsync(body, requestType, cancellationToken);
        }

        try
        {
            return Parse(buffer, requestType);
        }
        finally
        {
            body.AdvanceTo(buffer.End);
        }

        static ChatCompletionRequest? Parse(ReadOnlySequence<byte> json, JsonTypeInfo<ChatCompletionRequest> type)
        {
            if (json.IsSingleSegment)
            {
                return JsonSerializer.Deserialize(json.FirstSpan, type);
            }

            // Over the whole span rather than a reader over the segments: the span overload also refuses trailing bytes.
            var length = checked((int)json.Length);
            var copy = ArrayPool<byte>.Shared.Rent(length);
            try
            {
                json.CopyTo(copy);
                return JsonSerializer.Deserialize(copy.AsSpan(0, length), type);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(copy);
            }
        }
    }

    /// <summary>Sends a cached answer as the stream the client asked for.</summary>
    private static async Task ReplayAsync(HttpResponse response, ChatCompletionResponse answer, bool includeUsage, CancellationToken cancellationToken)
    {
        using var chunks = ChatCompletionReplay.Chunks(answer, includeUsage).GetEnumerator();
        await SseRelay.RelayAsync(
            response,
            _ => ValueTask.FromResult(Result<ChatCompletionChunk?>.Success(chunks.MoveNext() ? chunks.Current : null)),
            chunk => chunk,
            GatewayJsonContext.Default.ChatCompletionChunk,
            static () => { },
            cancellationToken);
    }

    private static async Task RelayAsync(HttpResponse response, GatewayChatStream stream, bool includeUsage, CancellationToken cancellationToken)
    {
        await using var _ = stream;
        await SseRelay.RelayAsync(
            response,
            stream.ReadAsync,
            chunk => chunk.Usage is null || includeUsage ? chunk : chunk.Choices.Count == 0 ? null : chunk with { Usage = null },
            GatewayJsonContext.Default.ChatCompletionChunk,
            stream.MarkClientCancelled,
            cancellationToken,
            static chunk => chunk.TakeUpstreamJson());
    }
}
