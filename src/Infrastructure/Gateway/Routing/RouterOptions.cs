using LlmPlatform.Application.Configuration;

namespace LlmPlatform.Infrastructure.Gateway.Routing;

/// <summary>The router's settings in force now; replaced as a whole when they change at run time.</summary>
internal sealed class RouterOptions
{
    private readonly TimeSpan _defaultTimeout;
    private volatile RouterSettings _settings;

    public RouterOptions(PlatformConfiguration configuration)
    {
        _settings = configuration.Gateway.NumRetries is { } retries && configuration.Router.NumRetries == new RouterSettings().NumRetries
            ? configuration.Router with { NumRetries = retries }
            : configuration.Router;
        DropParams = configuration.Gateway.DropParams;
        _defaultTimeout = configuration.Gateway.RequestTimeout ?? TimeSpan.FromMinutes(10);
    }

    public RouterSettings Settings => _settings;

    public bool DropParams { get; }

    /// <summary><c>router_settings.timeout</c> as in force now, else <c>litellm_settings.request_timeout</c>, else 10 minutes.</summary>
    public TimeSpan RequestTimeout => _settings.Timeout ?? _defaultTimeout;

    public void Replace(RouterSettings settings) => _settings = settings;
}
