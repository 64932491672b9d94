using StackExchange.Redis;

namespace LlmPlatform.Infrastructure.Redis;

/// <summary>The optional shared Redis connection; <see cref="Multiplexer"/> is null when no Redis is configured.</summary>
public sealed class RedisConnection : IAsyncDisposable
{
    private RedisConnection(IConnectionMultiplexer? multiplexer, string? endpoint)
    {
        Multiplexer = multiplexer;
        Endpoint = endpoint;
    }

    public IConnectionMultiplexer? Multiplexer { get; }

    public string? Endpoint { get; }

    public bool IsConfigured => Multiplexer is not null;

    public bool IsConnected => Multiplexer?.IsConnected == true;

    public static RedisConnection None { get; } = new(null, null);

    /// <summary>Connects without failing when Redis is down: the multiplexer keeps reconnecting in the background.</summary>
    public static async Task<RedisConnection> ConnectAsync(string? redisUrl)
    {
        if (string.IsNullOrWhiteSpace(redisUrl))
        {
            return None;
        }

        var options = RedisUrl.Parse(redisUrl);
        options.SocketManager = SocketManager.ThreadPool;
        var multiplexer = await ConnectionMultiplexer.ConnectAsync(options).ConfigureAwait(false);
        return new RedisConnection(multiplexer, options.EndPoints.Count > 0 ? options.EndPoints[0].ToString() : null);
    }

    public async ValueTask DisposeAsync()
    {
        if (Multiplexer is not null)
        {
            await Multiplexer.DisposeAsync().ConfigureAwait(false);
        }
    }
}
