namespace LlmPlatform.Application.Operations.Cache.PingCache;

/// <summary>LiteLLM's answer of <c>/cache/ping</c>: <c>{"status": "healthy", "cache_type": "redis", ...}</c>.</summary>
public sealed record CachePingResponse
{
    /// <summary><c>healthy</c>; an unhealthy cache answers 503 instead.</summary>
    public required string Status { get; init; }

    /// <summary><c>redis</c> or <c>local</c>.</summary>
    public required string CacheType { get; init; }

    public bool PingResponse { get; init; }

    /// <summary><c>success</c> when a probe entry was written and read back.</summary>
    public required string SetCacheResponse { get; init; }

    public required CacheParamsView HealthCheckCacheParams { get; init; }
}
