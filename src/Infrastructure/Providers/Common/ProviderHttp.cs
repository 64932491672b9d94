using System.Net;
using LlmPlatform.Infrastructure.Telemetry;

namespace LlmPlatform.Infrastructure.Providers.Common;

/// <summary>
/// One pooled <see cref="HttpClient"/> for all upstream calls: connection pooling, no overall timeout (each call sets
/// its own), and the current trace carried upstream.
/// </summary>
public sealed class ProviderHttp : IDisposable
{
    public ProviderHttp()
    {
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
            MaxConnectionsPerServer = int.MaxValue,
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate | DecompressionMethods.Brotli,
            ConnectTimeout = TimeSpan.FromSeconds(10),
            EnableMultipleHttp2Connections = true,
            UseCookies = false,
            AllowAutoRedirect = false,
        };
        Client = new HttpClient(new TraceContextHandler(handler), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public HttpClient Client { get; }

    public void Dispose() => Client.Dispose();
}
