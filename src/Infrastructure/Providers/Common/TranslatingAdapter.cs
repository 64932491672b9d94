using System.Net.Http.Headers;
using System.Text.Json.Serialization.Metadata;
using LlmPlatform.Application.Gateway;
using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Domain.Common;

namespace LlmPlatform.Infrastructure.Providers.Common;

/// <summary>
/// The flow every adapter with its own wire format shares: translate the request (or refuse it with a 400),
/// send it under the call's timeout, then translate the whole answer or open a translating stream.
/// </summary>
/// <typeparam name="TResponse">The provider's non-streamed answer type.</typeparam>
internal abstract class TranslatingAdapter<TResponse> : IProviderAdapter
    where TResponse : class
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly HttpClient _http;

    protected TranslatingAdapter(ProviderHttp http, TimeProvider time)
    {
        _http = http.Client;
        Time = time;
    }

    public abstract IReadOnlyCollection<string> Providers { get; }

    protected TimeProvider Time { get; }

    /// <summary>The source-generated reader of the answer.</summary>
    protected abstract JsonTypeInfo<TResponse> ResponseType { get; }

    /// <summary>The OpenAI parameters the provider takes; the others are dropped or refused (see <see cref="RequestParams"/>).</summary>
    protected abstract IReadOnlySet<string> SupportedParams { get; }

    /// <summary>Builds the upstream request, or a validation error for input the provider cannot take.</summary>
    protected abstract Result<HttpRequestMessage> BuildRequest(ProviderCall call, bool stream);

    protected abstract Result<ChatCompletionResponse> Translate(TResponse response, ProviderCall call);

    protected abstract IChatCompletionStream OpenStream(HttpResponseMessage response, Stream body, ProviderCall call);

    public async ValueTask<Result<ChatCompletionResponse>> ChatAsync(ProviderCall call, CancellationToken cancellationToken)
    {
        var built = Build(call, stream: false);
        if (!built.IsSuccess)
        {
            return built.Error!;
        }

        using var message = built.Value;
        var provider = call.Deployment.Provider;
        var read = await UpstreamCall.SendForJsonAsync(
            _http,
            message,
            (body, ct) => System.Text.Json.JsonSerializer.DeserializeAsync(body, ResponseType, ct),
            provider,
            call.Timeout,
            cancellationToken).ConfigureAwait(false);
        return read.IsSuccess ? Translate(read.Value, call) : read.Error!;
    }

    public async ValueTask<Result<IChatCompletionStream>> StreamChatAsync(ProviderCall call, CancellationToken cancellationToken)
    {
        var built = Build(call, stream: true);
        if (!built.IsSuccess)
        {
            return built.Error!;
        }

        using var message = built.Value;
        var sent = await UpstreamCall.SendAsync(_http, message, call.Deployment.Provider, call.Timeout, cancellationToken).ConfigureAwait(false);
        if (!sent.IsSuccess)
        {
            return sent.Error!;
        }

        try
        {
            var body = await sent.Value.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return Result<IChatCompletionStream>.Success(OpenStream(sent.Value, body, call));
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            sent.Value.Dispose();
            return UpstreamErrors.ConnectionFailed(call.Deployment.Provider, ex);
        }
    }

    private Result<HttpRequestMessage> Build(ProviderCall call, bool stream) =>
        RequestParams.Unsupported(call, SupportedParams) is { } unsupported ? unsupported : BuildRequest(call, stream);

    /// <summary>A POST of a UTF-8 JSON body.</summary>
    protected static HttpRequestMessage JsonPost(Uri uri, byte[] body)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(body) };
        message.Content.Headers.ContentType = Json;
        return message;
    }

    /// <summary>The chat completion built from a translated answer.</summary>
    protected ChatCompletionResponse Completion(string id, ProviderCall call, ChatResponseMessage message, string? finishReason, Usage? usage) =>
        Completion(id, call, [new ChatChoice { Index = 0, Message = message, FinishReason = finishReason }], usage);

    protected ChatCompletionResponse Completion(string id, ProviderCall call, IReadOnlyList<ChatChoice> choices, Usage? usage) => new()
    {
        Id = id,
        Created = Time.GetUtcNow().ToUnixTimeSeconds(),
        Model = call.Deployment.UpstreamModel,
        Choices = choices,
        Usage = usage,
    };

    /// <summary>An id for a tool call the provider did not name.</summary>
    protected static string NewToolCallId() => "call_" + Guid.NewGuid().ToString("N")[..24];
}
