using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LlmPlatform.Application.Gateway.Completions;
using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Application.Gateway.Embeddings;
using LlmPlatform.Application.Gateway.Images;
using LlmPlatform.Application.Gateway.Moderations;
using LlmPlatform.Application.Gateway.Rerank;
using LlmPlatform.Domain.Catalog;
using LlmPlatform.Domain.Common;
using LlmPlatform.Infrastructure.Providers.Common;

namespace LlmPlatform.Infrastructure.Providers.OpenAi;

/// <summary>
/// OpenAI's legacy completions, embeddings, moderations, images and (vLLM/Jina-style) rerank endpoints, for OpenAI and compatible
/// servers: the body passes through with the model name replaced, the answer comes back as the upstream gave it.
/// </summary>
internal class OpenAiEndpointsAdapter : IEmbeddingsAdapter, IModerationsAdapter, IImageAdapter, IRerankAdapter, ITextCompletionsAdapter
{
    private readonly HttpClient _http;

    public OpenAiEndpointsAdapter(ProviderHttp http)
    {
        _http = http.Client;
    }

    public virtual IReadOnlyCollection<string> Providers { get; } = ["openai", "hosted_vllm", "openai_compatible", "vllm"];

    protected HttpClient Http => _http;

    protected virtual Uri EndpointUri(ModelDeployment deployment, string path) =>
        new((deployment.Settings.ApiBase ?? "https://api.openai.com/v1").TrimEnd('/') + "/" + path);

    protected virtual void Authorize(HttpRequestMessage message, ModelDeployment deployment)
    {
        if (!string.IsNullOrEmpty(deployment.Settings.ApiKey))
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", deployment.Settings.ApiKey);
        }
    }

    public ValueTask<Result<EmbeddingsResponse>> EmbedAsync(ModelDeployment deployment, EmbeddingsRequest request, TimeSpan timeout, CancellationToken cancellationToken) =>
        PostAsync(deployment, "embeddings", request with { Model = deployment.UpstreamModel, AdditionalProperties = RequestParams.WithoutGatewayOnly(request.AdditionalProperties) }, GatewayJsonContext.Default.EmbeddingsRequest, GatewayJsonContext.Default.EmbeddingsResponse, timeout, cancellationToken);

    public ValueTask<Result<ModerationResponse>> ModerateAsync(ModelDeployment deployment, ModerationRequest request, TimeSpan timeout, CancellationToken cancellationToken) =>
        PostAsync(deployment, "moderations", request with { Model = deployment.UpstreamModel }, GatewayJsonContext.Default.ModerationRequest, GatewayJsonContext.Default.ModerationResponse, timeout, cancellationToken);

    public ValueTask<Result<ImageResponse>> GenerateAsync(ModelDeployment deployment, ImageRequest request, TimeSpan timeout, CancellationToken cancellationToken) =>
        PostAsync(deployment, "images/generations", request with { Model = deployment.UpstreamModel }, GatewayJsonContext.Default.ImageRequest, GatewayJsonContext.Default.ImageResponse, timeout, cancellationToken);

    public ValueTask<Result<RerankResponse>> RerankAsync(
        ModelDeployment deployment,
        RerankRequest request,
        IReadOnlyList<string> documents,
        TimeSpan timeout,
        CancellationToken cancellationToken) =>
        PostAsync(deployment, "rerank", request with { Model = deployment.UpstreamModel }, GatewayJsonContext.Default.RerankRequest, GatewayJsonContext.Default.RerankResponse, timeout, cancellationToken);

    public ValueTask<Result<TextCompletionResponse>> CompleteAsync(ModelDeployment deployment, TextCompletionRequest request, TimeSpan timeout, CancellationToken cancellationToken) =>
        PostAsync(deployment, "completions", request with { Model = deployment.UpstreamModel, Stream = null, StreamOptions = null }, GatewayJsonContext.Default.TextCompletionRequest, GatewayJsonContext.Default.TextCompletionResponse, timeout, cancellationToken);

    public async ValueTask<Result<ITextCompletionStream>> StreamAsync(ModelDeployment deployment, TextCompletionRequest request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var upstream = request with { Model = deployment.UpstreamModel, Stream = true, StreamOptions = new StreamOptions { IncludeUsage = true } };
        using var message = new HttpRequestMessage(HttpMethod.Post, EndpointUri(deployment, "completions"))
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(upstream, GatewayJsonContext.Default.TextCompletionRequest)),
        };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        Authorize(message, deployment);
        var sent = await UpstreamCall.SendAsync(_http, message, deployment.Provider, timeout, cancellationToken).ConfigureAwait(false);
        if (!sent.IsSuccess)
        {
            return sent.Error!;
        }

        var body = await sent.Value.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return new OpenAiTextStream(sent.Value, body, deployment.Provider);
    }

    protected async ValueTask<Result<TResponse>> PostAsync<TRequest, TResponse>(
        ModelDeployment deployment,
        string path,
        TRequest body,
        JsonTypeInfo<TRequest> requestType,
        JsonTypeInfo<TResponse> responseType,
        TimeSpan timeout,
        CancellationToken cancellationToken)
        where TResponse : class =>
        await JsonPost.SendAsync(
            _http,
            EndpointUri(deployment, path),
            body,
            requestType,
            responseType,
            m => Authorize(m, deployment),
            deployment.Provider,
            timeout,
            cancellationToken).ConfigureAwait(false);
}
