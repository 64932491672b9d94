using System.Net.Http.Headers;
using LlmPlatform.Application.Gateway.PassThrough;
using LlmPlatform.Domain.Catalog;
using LlmPlatform.Domain.Common;
using LlmPlatform.Infrastructure.Gateway.Routing;
using LlmPlatform.Infrastructure.Providers.Common;

namespace LlmPlatform.Infrastructure.Gateway.PassThrough;

/// <summary>
/// Forwards raw requests to a deployment's configured base URL (the provider's public one when none is set) with
/// the stored credential in the provider's own auth header. The target is always the base URL plus the path, checked
/// again after it is built, so a request can never pick the host. The body streams both ways.
/// </summary>
internal sealed class PassThroughForwarder : IPassThroughForwarder
{
    private static readonly Dictionary<string, string?> DefaultBases = new(StringComparer.Ordinal)
    {
        ["openai"] = "https://api.openai.com/v1",
        ["anthropic"] = "https://api.anthropic.com",
        ["cohere"] = "https://api.cohere.com",
        ["gemini"] = "https://generativelanguage.googleapis.com",
        ["ollama"] = "http://localhost:11434",
        ["mistral"] = "https://api.mistral.ai",
        ["groq"] = "https://api.groq.com/openai",
        ["azure"] = null,
        ["hosted_vllm"] = null,
        ["vllm"] = null,
        ["openai_compatible"] = null,
    };

    /// <summary>Response headers that describe one connection, or that no longer hold once the body is decompressed.</summary>
    private static readonly HashSet<string> DroppedResponseHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Authenticate", "Proxy-Authorization", "TE", "Trailer", "Transfer-Encoding", "Upgrade",
        "Content-Length", "Content-Encoding", "Set-Cookie",
    };

    private readonly HttpClient _http;
    private readonly RouterOptions _options;

    public PassThroughForwarder(ProviderHttp http, RouterOptions options)
    {
        _http = http.Client;
        _options = options;
    }

    public IReadOnlyCollection<string> Providers => DefaultBases.Keys;

    public async Task<Result<PassThroughResponse>> ForwardAsync(ModelDeployment deployment, PassThroughRequest request, CancellationToken cancellationToken)
    {
        var target = Target(deployment, request);
        if (!target.IsSuccess)
        {
            return target.Error!;
        }

        using var message = new HttpRequestMessage(new HttpMethod(request.Method), target.Value);
        if (request.Body is not null)
        {
            message.Content = new StreamContent(request.Body);
            if (request.ContentType is { Length: > 0 } contentType)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }

        foreach (var (name, value) in request.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        Authorize(message, deployment);
        var timeout = deployment.Settings.Timeout ?? _options.RequestTimeout;
        using var headersTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        headersTimeout.CancelAfter(timeout);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, headersTimeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return UpstreamErrors.TimedOut(deployment.Provider, timeout);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            return UpstreamErrors.ConnectionFailed(deployment.Provider, ex);
        }

        var headers = response.Headers.Concat(response.Content.Headers)
            .Where(h => !DroppedResponseHeaders.Contains(h.Key))
            .Select(h => new KeyValuePair<string, string>(h.Key, string.Join(", ", h.Value)))
            .ToList();
        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return new PassThroughResponse((int)response.StatusCode, headers, body, response);
    }

    /// <summary>The base URL plus the path and query; refused unless it stays on the base's scheme, host, port and path.</summary>
    private static Result<Uri> Target(ModelDeployment deployment, PassThroughRequest request)
    {
        var configuredBase = deployment.Settings.ApiBase ?? DefaultBases.GetValueOrDefault(deployment.Provider);
        if (configuredBase is null || !Uri.TryCreate(configuredBase.TrimEnd('/') + "/", UriKind.Absolute, out var baseUri))
        {
            return new Error(ErrorKind.NotFound, "provider_not_configured", $"The provider '{deployment.Provider}' has no api_base to pass through to.", "provider");
        }

        if (!Uri.TryCreate(baseUri, request.Path + request.QueryString, out var target)
            || target.Scheme != baseUri.Scheme
            || !string.Equals(target.Host, baseUri.Host, StringComparison.OrdinalIgnoreCase)
            || target.Port != baseUri.Port
            || !target.AbsolutePath.StartsWith(baseUri.AbsolutePath, StringComparison.Ordinal))
        {
            return Error.Validation("The path must stay below the provider's base URL.", "path");
        }

        return target;
    }

    private static void Authorize(HttpRequestMessage message, ModelDeployment deployment)
    {
        var key = deployment.Settings.ApiKey;
        if (string.IsNullOrEmpty(key))
        {
            return;
        }

        switch (deployment.Provider)
        {
            case "anthropic":
                message.Headers.TryAddWithoutValidation("x-api-key", key);
                if (!message.Headers.Contains("anthropic-version"))
                {
                    message.Headers.TryAddWithoutValidation("anthropic-version", "2023-06-01");
                }

                break;
            case "azure":
                message.Headers.TryAddWithoutValidation("api-key", key);
                break;
            case "gemini":
                message.Headers.TryAddWithoutValidation("x-goog-api-key", key);
                break;
            default:
                message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
                break;
        }
    }
}
