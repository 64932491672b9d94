using System.Diagnostics;
using LlmPlatform.Application.Catalog;
using LlmPlatform.Application.Operations.Health;
using LlmPlatform.Infrastructure.Providers.Common;

namespace LlmPlatform.Infrastructure.Health;

/// <summary>Checks that each deployment's upstream answers HTTP at all (any status counts as reachable).</summary>
internal sealed class ProviderHealthProbe : IHealthProbe
{
    private static readonly Dictionary<string, string> DefaultBases = new(StringComparer.Ordinal)
    {
        ["openai"] = "https://api.openai.com/v1",
        ["anthropic"] = "https://api.anthropic.com",
        ["gemini"] = "https://generativelanguage.googleapis.com",
        ["cohere"] = "https://api.cohere.com",
        ["ollama"] = "http://localhost:11434",
        ["ollama_chat"] = "http://localhost:11434",
    };

    private readonly IModelCatalog _catalog;
    private readonly HttpClient _http;

    public ProviderHealthProbe(IModelCatalog catalog, ProviderHttp http)
    {
        _catalog = catalog;
        _http = http.Client;
    }

    public string Kind => "provider";

    public async Task<IReadOnlyList<ServiceHealth>> CheckAsync(CancellationToken cancellationToken)
    {
        var checks = _catalog.AllDeployments.Select(async deployment =>
        {
            var name = $"{deployment.ModelName} ({deployment.Provider}, {deployment.Id})";
            if (deployment.Provider == "mock")
            {
                return new ServiceHealth(name, "healthy", 0, null, Kind);
            }

            var apiBase = deployment.Settings.ApiBase ?? DefaultBases.GetValueOrDefault(deployment.Provider)
                ?? (deployment.Provider == "bedrock" ? $"https://bedrock-runtime.{deployment.Settings.AwsRegionName ?? "us-east-1"}.amazonaws.com" : null);
            if (apiBase is null || !Uri.TryCreate(apiBase, UriKind.Absolute, out var uri))
            {
                return new ServiceHealth(name, "unhealthy", null, "no api_base", Kind);
            }

            var started = Stopwatch.GetTimestamp();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, uri);
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                return new ServiceHealth(name, "healthy", Stopwatch.GetElapsedTime(started).TotalMilliseconds, null, Kind);
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
            {
                return new ServiceHealth(name, "unhealthy", Stopwatch.GetElapsedTime(started).TotalMilliseconds, ex.GetType().Name, Kind);
            }
        });

        return await Task.WhenAll(checks).ConfigureAwait(false);
    }
}
