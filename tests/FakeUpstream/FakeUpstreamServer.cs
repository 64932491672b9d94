using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LlmPlatform.FakeUpstream;

/// <summary>
/// A real HTTP server on loopback that speaks each provider's wire format, with scripted behaviour per route.
/// Tests start it in-process; the benchmark runs it as its own process.
/// </summary>
public sealed class FakeUpstreamServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeUpstreamServer(WebApplication app, Script script, FakeUpstreamOptions options)
    {
        _app = app;
        Script = script;
        Options = options;
    }

    public Script Script { get; }

    public FakeUpstreamOptions Options { get; }

    public Uri BaseUri { get; private set; } = null!;

    /// <summary>The base URL without a trailing slash, as a deployment's api_base wants it.</summary>
    public string BaseUrl => BaseUri.ToString().TrimEnd('/');

    public static async Task<FakeUpstreamServer> StartAsync(FakeUpstreamOptions? options = null, int port = 0)
    {
        options ??= new FakeUpstreamOptions();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Limits.MaxRequestBodySize = null);
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var script = new Script { Record = options.Record };
        builder.Services.AddSingleton(script);
        builder.Services.AddSingleton(options);
        var app = builder.Build();
        FakeRoutes.Map(app, script, options);
        await app.StartAsync().ConfigureAwait(false);
        var server = new FakeUpstreamServer(app, script, options);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUri = new Uri(address);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
