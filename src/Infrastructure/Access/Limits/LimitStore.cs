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
    private readonly LeaseBook _leases;
    private readonly ILogger<LimitStore> _logger;

    public LimitStore(RedisConnection connection, NpgsqlDataSource dataSource, TimeProvider time, ILogger<LimitStore> logger)
    {
        _connection = connection;
        _memory = new InMemoryLimitStore(time);
        _leases = new LeaseBook(time);
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
                if (_leases.TryAdmit(checks, out var refill) is { } local)
                {
                    if (refill)
                    {
                        _ = RefillAsync(checks);
                    }

                    return local;
                }

                var (decision, granted) = await _redis.TryAdmitLeasingAsync(checks, _leases.Wanted(checks)).ConfigureAwait(false);
                _leases.Granted(checks, decision, granted);
                return decision;
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                LogRedisFailed(_logger, "admission", ex.GetType().Name);
            }
            finally
            {
                HandBack(_leases.TakeHandBack());
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
                _leases.Settled(adjustments, shared);
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
        _leases.Forget(keys);
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

    public async ValueTask DisposeAsync()
    {
        if (_redis is not null)
        {
            _leases.DropAll();
            HandBack(_leases.TakeHandBack());
            await _redis.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Tops up the leases of a request's counters, and hears their values from Redis again, while its requests go on
    /// being admitted locally.
    /// </summary>
    private async Task RefillAsync(IReadOnlyList<LimitCheck> checks)
    {
        var probe = new LimitCheck[checks.Count];
        for (var i = 0; i < checks.Count; i++)
        {
            probe[i] = checks[i] with { Amount = 0 };
        }

        try
        {
            var (decision, granted) = await _redis!.TryAdmitLeasingAsync(probe, _leases.Wanted(checks)).ConfigureAwait(false);
            if (decision.Admitted)
            {
                _leases.Granted(probe, decision, granted);
            }
            else
            {
                _leases.Refused(probe, decision);
            }
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
        {
            _leases.RefillFailed(probe);
            LogRedisFailed(_logger, "lease refill", ex.GetType().Name);
        }

        HandBack(_leases.TakeHandBack());
    }

    /// <summary>Returns unused leases to Redis in the background (with the next settlement or admission).</summary>
    private void HandBack(List<LimitAdjustment>? handBack)
    {
        if (handBack is { Count: > 0 } && _redis is not null)
        {
            _ = _redis.SettleAsync(handBack).ContinueWith(
                t => LogRedisFailed(_logger, "lease hand-back", t.Exception!.InnerException!.GetType().Name),
                CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis failed during limit {Step} ({Error}); this request uses this node's in-memory counters")]
    private static partial void LogRedisFailed(ILogger logger, string step, string error);
}
