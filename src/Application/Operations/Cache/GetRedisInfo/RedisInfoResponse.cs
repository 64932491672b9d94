namespace LlmPlatform.Application.Operations.Cache.GetRedisInfo;

/// <summary><c>{"cache_type": "redis", "info": {"server": {"redis_version": ...}, "memory": {...}, ...}}</c>.</summary>
public sealed record RedisInfoResponse(string CacheType, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Info);
