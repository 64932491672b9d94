using LlmPlatform.Domain.Common;

namespace LlmPlatform.Application.Gateway.Caching;

/// <summary>
/// Where cached answers live: this deployment's key prefix in Redis, or bounded process memory. Reads and writes on
/// the request path never fail: an unreachable store is a miss, and the failure is logged once per outage.
/// </summary>
public interface IResponseCacheStore
{
    /// <summary><c>redis</c> or <c>local</c>.</summary>
    string CacheType { get; }

    /// <summary>The stored value, or null on a miss (also when the store cannot be reached).</summary>
    ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Stores without waiting for the store; a failure is logged, never thrown.</summary>
    void Set(string key, byte[] value, TimeSpan ttl);

    /// <summary>Deletes the given keys; the number that existed.</summary>
    ValueTask<Result<long>> DeleteAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken);

    /// <summary>Deletes every entry of this deployment's cache (its key prefix only); the number deleted.</summary>
    ValueTask<Result<long>> FlushAsync(CancellationToken cancellationToken);

    /// <summary>Writes and reads back a probe entry.</summary>
    ValueTask<Result<bool>> PingAsync(CancellationToken cancellationToken);

    /// <summary>Redis <c>INFO</c> by section, or an error when the store is not Redis or cannot be reached.</summary>
    ValueTask<Result<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>>> RedisInfoAsync(CancellationToken cancellationToken);
}
