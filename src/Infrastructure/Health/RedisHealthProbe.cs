using System.Diagnostics;
using LlmPlatform.Application.Operations.Health;
using LlmPlatform.Infrastructure.Redis;
using StackExchange.Redis;

namespace LlmPlatform.Infrastructure.Health;

internal sealed class RedisHealthProbe : IHealthProbe
{
    private readonly RedisConnection _redis;

    public RedisHealthProbe(RedisConnection redis)
    {
        _redis = redis;
    }

    public string Kind => "cache";

    public async Task<IReadOnlyList<ServiceHealth>> CheckAsync(CancellationToken cancellationToken)
    {
        if (_redis.Multiplexer is null)
        {
            return [new ServiceHealth("redis", "not_configured", null, null, Kind)];
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            if (!_redis.Multiplexer.IsConnected)
            {
                return [new ServiceHealth("redis", "unhealthy", null, "not connected", Kind)];
            }

            await _redis.Multiplexer.GetDatabase().PingAsync().WaitAsync(TimeSpan.FromSeconds(2), cancellationToken).ConfigureAwait(false);
            return [new ServiceHealth("redis", "healthy", Stopwatch.GetElapsedTime(started).TotalMilliseconds, null, Kind)];
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or OperationCanceledException)
        {
            return [new ServiceHealth("redis", "unhealthy", Stopwatch.GetElapsedTime(started).TotalMilliseconds, ex.GetType().Name, Kind)];
        }
    }
}
