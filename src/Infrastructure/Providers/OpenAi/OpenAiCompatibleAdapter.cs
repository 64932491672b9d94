using System.Buffers;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using LlmPlatform.Application.Gateway;
using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Domain.Catalog;
using LlmPlatform.Domain.Common;
using LlmPlatform.Infrastructure.Providers.Common;

namespace LlmPlatform.Infrastructure.Providers.OpenAi;

/// <summary>
/// OpenAI's Chat Completions wire format, for OpenAI itself and any compatible server (vLLM, LM Studio, ...).
/// The request passes through with the model name replaced; unknown parameters go along untouched.
/// </summary>
internal class OpenAiCompatibleAdapter : IProviderAdapter
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly HttpClient _http;

    /// <summary>
    /// Each deployment's chat URL, made once: a new <see cref="Uri"/> per request cost its parse and, in the
    /// connection pool, its host's details again. Deployments are immutable and replaced on a change, and an entry
    /// goes with its deployment.
    /// </summary>
    private readonly ConditionalWeakTable<ModelDeployment, Uri> _chatUris = new();

    public OpenAiCompatibleAdapter(ProviderHttp http)
    {
        _http = http.Client;
    }

    public virtual IReadOnlyCollection<string> Providers { get; } = ["openai", "hosted_vllm", "openai_compatible", "vllm"];

    protected virtual string DefaultApiBase => "https://api.openai.com/v1";

    protected virtual string ProviderName(ModelDeployment deployment) => deployment.Provider;

    protected virtual Uri ChatUri(ModelDeployment deployment) =>
        new((deployment.Settings.ApiBase ?? DefaultApiBase) + "/chat/completions");

    protected virtual void Authorize(HttpRequestMessage message, ModelDeployment deployment)
    {
        if (!string.IsNullOrEmpty(deployment.Settings.ApiKey))
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", deployment.Settings.ApiKey);
        }
    }

    public async ValueTask<Result<ChatCompletionResponse>> ChatAsync(ProviderCall call, CancellationToken cancellationToken)
    {
        using var message = BuildMessage(call, stream: false);
        return await UpstreamCall.SendForContentAsync(
            _http,
            message,
            ReadAnswerAsync,
            ProviderName(call.Deployment),
            call.Timeout,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Parses the answer and keeps the bytes it came in (in a pooled array, see
    /// <see cref="ChatCompletionResponse.UpstreamJson"/>), so that it can go to the client as the upstream wrote it
    /// (its extra fields and explicit nulls included) rather than serialized again. Its choices are checked now and
    /// built only if something reads them (a translation, the cache, a usage count): a relayed answer never does.
    /// </summary>
    private static async ValueTask<ChatCompletionResponse?> ReadAnswerAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var json = await UpstreamBody.ReadPooledAsync(content, cancellationToken).ConfigureAwait(false);
        ChatCompletionResponse? answer = null;
        try
        {
            answer = ChatJson.ReadAnswer(json);
            return answer;
        }
        finally
        {
            if (answer is null)
            {
                ArrayPool<byte>.Shared.Return(json.Array!);
            }
            else
            {
                answer.UpstreamJson = json;
            }
        }
    }

    public async ValueTask<Result<IChatCompletionStream>> StreamChatAsync(ProviderCall call, CancellationToken cancellationToken)
    {
        using var message = BuildMessage(call, stream: true);
        var sent = await UpstreamCall.SendAsync(_http, message, ProviderName(call.Deployment), call.Timeout, cancellationToken).ConfigureAwait(false);
        if (!sent.IsSuccess)
        {
            return sent.Error!;
        }

        var body = await sent.Value.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return new OpenAiChatStream(sent.Value, body, ProviderName(call.Deployment));
    }

    private HttpRequestMessage BuildMessage(ProviderCall call, bool stream)
    {
        var request = call.Request;
        var extra = request.AdditionalProperties;
        if (extra is not null && extra.Keys.Any(RequestParams.GatewayOnly.Contains))
        {
            extra = extra.Where(kv => !RequestParams.GatewayOnly.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        }

        var upstream = request with
        {
            Model = call.Deployment.UpstreamModel,
            Metadata = null,
            Stream = stream ? true : null,
            StreamOptions = stream ? new StreamOptions { IncludeUsage = true } : null,
            AdditionalProperties = extra,
        };

        if (!_chatUris.TryGetValue(call.Deployment, out var uri))
        {
            uri = ChatUri(call.Deployment);
            _chatUris.AddOrUpdate(call.Deployment, uri);
        }

        var message = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(upstream, GatewayJsonContext.Default.ChatCompletionRequest)),
        };
        message.Content.Headers.ContentType = Json;
        Authorize(message, call.Deployment);
        return message;
    }
}
