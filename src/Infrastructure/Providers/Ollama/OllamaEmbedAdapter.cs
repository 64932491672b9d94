using LlmPlatform.Application.Gateway;
using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Application.Gateway.Embeddings;
using LlmPlatform.Domain.Catalog;
using LlmPlatform.Domain.Common;
using LlmPlatform.Infrastructure.Providers.Common;

namespace LlmPlatform.Infrastructure.Providers.Ollama;

/// <summary>Ollama's native <c>POST /api/embed</c> (<c>{model, input}</c> to <c>{embeddings: [[...]]}</c>), answered in OpenAI's shape.</summary>
internal sealed class OllamaEmbedAdapter : IEmbeddingsAdapter
{
    private const string DefaultApiBase = "http://localhost:11434";

    private readonly HttpClient _http;
    private readonly ITokenCounter _tokens;

    public OllamaEmbedAdapter(ProviderHttp http, ITokenCounter tokens)
    {
        _http = http.Client;
        _tokens = tokens;
    }

    public IReadOnlyCollection<string> Providers { get; } = ["ollama"];

    public async ValueTask<Result<EmbeddingsResponse>> EmbedAsync(
        ModelDeployment deployment,
        EmbeddingsRequest request,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var input = request.Input!.Value;
        if (!TextInputs.IsText(input))
        {
            return new Error(ErrorKind.Validation, "invalid_request_error", "Ollama embeds text only; token-id inputs are not supported.", "input");
        }

        var body = new OllamaEmbedRequest { Model = deployment.UpstreamModel, Input = input, Dimensions = request.Dimensions };
        var uri = new Uri((deployment.Settings.ApiBase ?? DefaultApiBase).TrimEnd('/') + "/api/embed");
        var answer = await JsonPost.SendAsync(
            _http,
            uri,
            body,
            OllamaEmbedJsonContext.Default.OllamaEmbedRequest,
            OllamaEmbedJsonContext.Default.OllamaEmbedResponse,
            static _ => { },
            deployment.Provider,
            timeout,
            cancellationToken).ConfigureAwait(false);
        if (!answer.IsSuccess)
        {
            return answer.Error!;
        }

        var vectors = answer.Value.Embeddings ?? [];
        var data = new List<EmbeddingItem>(vectors.Count);
        for (var i = 0; i < vectors.Count; i++)
        {
            data.Add(new EmbeddingItem { Index = i, Embedding = EmbeddingVectors.ToElement(vectors[i], request.WantsBase64) });
        }

        var prompt = answer.Value.PromptEvalCount ?? TextInputs.CountTokens(input, _tokens);
        return new EmbeddingsResponse
        {
            Data = data,
            Model = answer.Value.Model ?? deployment.UpstreamModel,
            Usage = new EmbeddingsUsage { PromptTokens = prompt, TotalTokens = prompt },
        };
    }
}
