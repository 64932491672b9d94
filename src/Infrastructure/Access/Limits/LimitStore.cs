using LlmPlatform.Application.Access.Enforcement;
using LlmPlatform.Infrastructure.Redis;
using Microsoft.Extensions.Logging;
using Npgsql;
using StackExchange.Redis;

namespace LlmPlatform.Infrastructure.Access.Limits;

/// <summary>
/// Redis counters when Redis is configured (so limits hold across nodes), in-memory otherwise. When Redis fails
/// during a request, that request is decided in memory and the failure is logged; it never fails the request.
/// </summary>
internal sealed partial class LimitStore : ILimitStore, IAsyncDisposable
{
    private readonly RedisLimitStore? _redis;
    private readonly RedisConnection _connection;
    private readonly InMemoryLimitStore _memory;
    private readonly ILogger<LimitStore> _logger;

    public LimitStore(RedisConnection connection, NpgsqlDataSource dataSource, TimeProvider time, ILogger<LimitStore> logger)
    {
        _connection = connection;
        _memory = new InMemoryLimitStore(time);
        _logger = logger;
        if (connection.Multiplexer is { } multiplexer)
        {
            _redis = new RedisLimitStore(multiplexer, RedisNamespace.Of(dataSource) + "lim:");
        }
    }

    public async ValueTask<LimitDecision> TryAdmitAsync(IReadOnlyList<LimitCheck> checks, CancellationToken cancellationToken)
    {
        if (_redis is not null && _connection.IsConnected)
        {
            try
            {
                return await _redis.TryAdmitAsync(checks).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                LogRedisFailed(_logger, "admission", ex.GetType().Name);
            }
        }

        return await _memory.TryAdmitAsync(checks, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<IReadOnlyList<long>> SettleAsync(IReadOnlyList<LimitAdjustment> adjustments, CancellationToken cancellationToken)
    {
        var local = await _memory.SettleAsync(adjustments, cancellationToken).ConfigureAwait(false);
        if (_redis is not null && _connection.IsConnected)
        {
            try
            {
                var shared = await _redis.SettleAsync(adjustments).ConfigureAwait(false);
                return shared.Select((value, i) => Math.Max(value, local[i])).ToList();
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                LogRedisFailed(_logger, "settlement", ex.GetType().Name);
            }
        }

        return local;
    }

    public async ValueTask ResetAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        await _memory.ResetAsync(keys, cancellationToken).ConfigureAwait(false);
        if (_redis is not null && _connection.IsConnected)
        {
            try
            {
                await _redis.ResetAsync(keys).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                LogRedisFailed(_logger, "reset", ex.GetType().Name);
            }
        }
    }

    public ValueTask DisposeAsync() => _redis?.DisposeAsync() ?? ValueTask.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis failed during limit {Step} ({Error}); this request uses this node's in-memory counters")]
    private static partial void LogRedisFailed(ILogger logger, string step, string error);
}
