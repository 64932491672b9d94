using LlmPlatform.Domain.Catalog;
using LlmPlatform.Infrastructure.Providers.Common;

namespace LlmPlatform.Infrastructure.Providers.OpenAi;

/// <summary>Azure OpenAI: the deployment in the URL, <c>api-version</c> in the query, the key in an <c>api-key</c> header.</summary>
internal sealed class AzureOpenAiAdapter : OpenAiCompatibleAdapter
{
    private const string DefaultApiVersion = "2024-10-21";

    public AzureOpenAiAdapter(ProviderHttp http)
        : base(http)
    {
    }

    public override IReadOnlyCollection<string> Providers { get; } = ["azure"];

    protected override string DefaultApiBase => throw new InvalidOperationException("An azure/ deployment needs api_base.");

    protected override Uri ChatUri(ModelDeployment deployment)
    {
        var apiBase = deployment.Settings.ApiBase ?? throw new InvalidOperationException($"The azure deployment '{deployment.Id}' has no api_base.");
        var version = Uri.EscapeDataString(deployment.Settings.ApiVersion ?? DefaultApiVersion);
        var name = Uri.EscapeDataString(deployment.UpstreamModel);
        return new Uri($"{apiBase}/openai/deployments/{name}/chat/completions?api-version={version}");
    }

    protected override void Authorize(HttpRequestMessage message, ModelDeployment deployment)
    {
        if (!string.IsNullOrEmpty(deployment.Settings.ApiKey))
        {
            message.Headers.TryAddWithoutValidation("api-key", deployment.Settings.ApiKey);
        }
    }
}
