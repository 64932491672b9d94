using LlmPlatform.Application.Configuration;

namespace LlmPlatform.Infrastructure.Gateway.Routing;

/// <summary>The router's settings in force now; replaced as a whole when they change at run time.</summary>
internal sealed class RouterOptions
{
    private volatile RouterSettings _settings;

    public RouterOptions(PlatformConfiguration configuration)
    {
        _settings = configuration.Gateway.NumRetries is { } retries && configuration.Router.NumRetries == new RouterSettings().NumRetries
            ? configuration.Router with { NumRetries = retries }
            : configuration.Router;
        DropParams = configuration.Gateway.DropParams;
        RequestTimeout = configuration.Router.Timeout ?? configuration.Gateway.RequestTimeout ?? TimeSpan.FromMinutes(10);
    }

    public RouterSettings Settings => _settings;

    public bool DropParams { get; }

    public TimeSpan RequestTimeout { get; }

    public void Replace(RouterSettings settings) => _settings = settings;
}
