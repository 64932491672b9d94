using LlmPlatform.Domain.Catalog;
using LlmPlatform.Infrastructure.Providers.Common;

namespace LlmPlatform.Infrastructure.Providers.OpenAi;

/// <summary>Azure OpenAI's embeddings, moderations and images: the deployment in the path, <c>api-version</c> in the query, an <c>api-key</c> header.</summary>
internal sealed class AzureEndpointsAdapter : OpenAiEndpointsAdapter
{
    private const string DefaultApiVersion = "2024-10-21";

    public AzureEndpointsAdapter(ProviderHttp http)
        : base(http)
    {
    }

    public override IReadOnlyCollection<string> Providers { get; } = ["azure"];

    protected override Uri EndpointUri(ModelDeployment deployment, string path)
    {
        var apiBase = deployment.Settings.ApiBase ?? throw new InvalidOperationException($"The azure deployment '{deployment.Id}' has no api_base.");
        var version = Uri.EscapeDataString(deployment.Settings.ApiVersion ?? DefaultApiVersion);
        var name = Uri.EscapeDataString(deployment.UpstreamModel);
        return new Uri($"{apiBase.TrimEnd('/')}/openai/deployments/{name}/{path}?api-version={version}");
    }

    protected override void Authorize(HttpRequestMessage message, ModelDeployment deployment)
    {
        if (!string.IsNullOrEmpty(deployment.Settings.ApiKey))
        {
            message.Headers.TryAddWithoutValidation("api-key", deployment.Settings.ApiKey);
        }
    }
}
