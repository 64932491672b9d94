using System.Net.Http.Headers;
using System.Text.Json;
using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Application.Gateway.Rerank;
using LlmPlatform.Domain.Catalog;
using LlmPlatform.Domain.Common;
using LlmPlatform.Infrastructure.Providers.Common;

namespace LlmPlatform.Infrastructure.Providers.Cohere;

/// <summary>Cohere's <c>POST /v2/rerank</c>: plain-string documents, a Bearer key; documents are attached by the gateway.</summary>
internal sealed class CohereRerankAdapter : IRerankAdapter
{
    private const string DefaultApiBase = "https://api.cohere.com";

    private readonly HttpClient _http;

    public CohereRerankAdapter(ProviderHttp http)
    {
        _http = http.Client;
    }

    public IReadOnlyCollection<string> Providers { get; } = ["cohere"];

    public async ValueTask<Result<RerankResponse>> RerankAsync(
        ModelDeployment deployment,
        RerankRequest request,
        IReadOnlyList<string> documents,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var body = request with
        {
            Model = deployment.UpstreamModel,
            Documents = JsonSerializer.SerializeToElement(documents, GatewayJsonContext.Default.IReadOnlyListString),
            ReturnDocuments = null,
        };
        var uri = new Uri((deployment.Settings.ApiBase ?? DefaultApiBase).TrimEnd('/') + "/v2/rerank");
        return await JsonPost.SendAsync(
            _http,
            uri,
            body,
            GatewayJsonContext.Default.RerankRequest,
            GatewayJsonContext.Default.RerankResponse,
            m =>
            {
                if (!string.IsNullOrEmpty(deployment.Settings.ApiKey))
                {
                    m.Headers.Authorization = new AuthenticationHeaderValue("Bearer", deployment.Settings.ApiKey);
                }
            },
            deployment.Provider,
            timeout,
            cancellationToken).ConfigureAwait(false);
    }
}
