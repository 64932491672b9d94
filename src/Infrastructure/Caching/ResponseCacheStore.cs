using LlmPlatform.Application.Configuration;
using LlmPlatform.Application.Gateway.Caching;
using LlmPlatform.Domain.Common;
using LlmPlatform.Infrastructure.Access;
using LlmPlatform.Infrastructure.Redis;
using Microsoft.Extensions.Logging;
using Npgsql;
using StackExchange.Redis;

namespace LlmPlatform.Infrastructure.Caching;

/// <summary>
/// The response cache's store: Redis under this deployment's key prefix when Redis is configured (and
/// <c>cache_params.type</c> is not <c>local</c>), bounded process memory otherwise. On the request path a Redis
/// failure is a miss or a skipped write, logged once per outage; it never fails the request.
/// </summary>
internal sealed partial class ResponseCacheStore : IResponseCacheStore
{
    private const int DeleteBatch = 500;
    private static readonly TimeSpan ProbeTtl = TimeSpan.FromSeconds(10);

    private readonly RedisConnection _connection;
    private readonly MemoryResponseCacheStore? _memory;
    private readonly string _prefix;
    private readonly ILogger<ResponseCacheStore> _logger;
    private int _degraded;

    public ResponseCacheStore(
        PlatformConfiguration configuration,
        RedisConnection connection,
        NpgsqlDataSource dataSource,
        TimeProvider time,
        ILogger<ResponseCacheStore> logger)
    {
        var settings = configuration.Gateway;
        _connection = connection;
        _logger = logger;
        _prefix = RedisNamespace.Of(dataSource) + "cache:" + (settings.CacheNamespace is { } ns ? ns + ":" : string.Empty);
        var redis = connection.IsConfigured && settings.CacheType != "local";
        if (!redis)
        {
            _memory = new MemoryResponseCacheStore(time, settings.CacheMaxEntries);
            if (settings.CacheEnabled && settings.CacheType == "redis")
            {
                LogNoRedis(logger);
            }
        }
    }

    public string CacheType => _memory is null ? "redis" : "local";

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        if (_memory is not null)
        {
            return _memory.Get(key);
        }

        if (Database() is not { } db)
        {
            return null;
        }

        try
        {
            var value = await db.StringGetAsync(_prefix + key).ConfigureAwait(false);
            Recovered();
            return value.IsNull ? null : (byte[]?)value;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            Degraded("read", ex);
            return null;
        }
    }

    public void Set(string key, byte[] value, TimeSpan ttl)
    {
        if (_memory is not null)
        {
            _memory.Set(key, value, ttl);
            return;
        }

        if (Database() is not { } db)
        {
            return;
        }

        try
        {
            // Queued on the multiplexer in order, so a read sent after it sees the entry; nothing waits for Redis.
            db.StringSet(_prefix + key, value, ttl, flags: CommandFlags.FireAndForget);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            Degraded("write", ex);
        }
    }

    public async ValueTask<Result<long>> DeleteAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        if (_memory is not null)
        {
            return _memory.Delete(keys);
        }

        return await OnRedisAsync(db => db.KeyDeleteAsync(keys.Select(k => (RedisKey)(_prefix + k)).ToArray())).ConfigureAwait(false);
    }

    public async ValueTask<Result<long>> FlushAsync(CancellationToken cancellationToken)
    {
        if (_memory is not null)
        {
            return _memory.Flush();
        }

        return await OnRedisAsync(async db =>
        {
            var pattern = EscapeGlob(_prefix) + "*";
            var deleted = 0L;
            foreach (var server in db.Multiplexer.GetServers().Where(s => s.IsConnected && !s.IsReplica))
            {
                var batch = new List<RedisKey>(DeleteBatch);
                await foreach (var key in server.KeysAsync(db.Database, pattern, DeleteBatch).WithCancellation(cancellationToken).ConfigureAwait(false))
                {
                    batch.Add(key);
                    if (batch.Count == DeleteBatch)
                    {
                        deleted += await db.KeyDeleteAsync(batch.ToArray()).ConfigureAwait(false);
                        batch.Clear();
                    }
                }

                if (batch.Count > 0)
                {
                    deleted += await db.KeyDeleteAsync(batch.ToArray()).ConfigureAwait(false);
                }
            }

            return deleted;
        }).ConfigureAwait(false);
    }

    public async ValueTask<Result<bool>> PingAsync(CancellationToken cancellationToken)
    {
        if (_memory is not null)
        {
            return _memory.Ping();
        }

        return await OnRedisAsync(async db =>
        {
            var probe = _prefix + "__ping__";
            var token = Guid.NewGuid().ToString("N");
            await db.StringSetAsync(probe, token, ProbeTtl).ConfigureAwait(false);
            return (string?)await db.StringGetAsync(probe).ConfigureAwait(false) == token;
        }).ConfigureAwait(false);
    }

    public async ValueTask<Result<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>>> RedisInfoAsync(CancellationToken cancellationToken)
    {
        if (_memory is not null)
        {
            return new Error(
                ErrorKind.Validation,
                "cache_not_redis",
                "The response cache is in process memory (cache_params.type local, or no REDIS_URL); there is no Redis to describe.",
                null);
        }

        return await OnRedisAsync(async db =>
        {
            // INFO through a script: the shared connection is not opened in admin mode, and needs not be.
            var text = (string?)await db.ScriptEvaluateAsync("return redis.call('INFO')").ConfigureAwait(false);
            return ParseInfo(text ?? string.Empty);
        }).ConfigureAwait(false);
    }

    /// <summary>Redis INFO text (<c># Section</c> headers, <c>name:value</c> lines) by lowercase section name.</summary>
    private static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ParseInfo(string text)
    {
        var info = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        var section = new Dictionary<string, string>(StringComparer.Ordinal);
        info["default"] = section;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            if (line.StartsWith('#'))
            {
                section = new Dictionary<string, string>(StringComparer.Ordinal);
                info[line.TrimStart('#', ' ').ToLowerInvariant()] = section;
            }
            else if (line.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon)
            {
                section[line[..colon]] = line[(colon + 1)..];
            }
        }

        if (info["default"].Count == 0)
        {
            info.Remove("default");
        }

        return info;
    }

    private IDatabase? Database()
    {
        if (_connection.Multiplexer is { IsConnected: true } multiplexer)
        {
            return multiplexer.GetDatabase();
        }

        Degraded("connect", null);
        return null;
    }

    private async ValueTask<Result<T>> OnRedisAsync<T>(Func<IDatabase, Task<T>> action)
    {
        if (Database() is not { } db)
        {
            return Unreachable();
        }

        try
        {
            var result = await action(db).ConfigureAwait(false);
            Recovered();
            return result;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            Degraded("admin", ex);
            return Unreachable();
        }
    }

    private static Error Unreachable() =>
        new(ErrorKind.Unavailable, "cache_unavailable", "The response cache's Redis cannot be reached; try again later.", null);

    private static string EscapeGlob(string text) =>
        string.Concat(text.Select(c => c is '*' or '?' or '[' or ']' or '\\' ? "\\" + c : c.ToString()));

    private void Degraded(string step, Exception? ex)
    {
        if (Interlocked.Exchange(ref _degraded, 1) == 0)
        {
            LogDegraded(_logger, step, ex?.GetType().Name ?? "not connected");
        }
    }

    private void Recovered()
    {
        if (Volatile.Read(ref _degraded) == 1 && Interlocked.Exchange(ref _degraded, 0) == 1)
        {
            LogRecovered(_logger);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Response cache: Redis failed ({Step}, {Error}); requests are answered without the cache until it is back")]
    private static partial void LogDegraded(ILogger logger, string step, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Response cache: Redis is back")]
    private static partial void LogRecovered(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Response cache: cache_params.type is redis but no Redis is configured (REDIS_URL); the cache lives in process memory")]
    private static partial void LogNoRedis(ILogger logger);
}
