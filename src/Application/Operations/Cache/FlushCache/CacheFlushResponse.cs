namespace LlmPlatform.Application.Operations.Cache.FlushCache;

/// <summary><c>{"status": "flushed", "deleted_count": N}</c>.</summary>
public sealed record CacheFlushResponse(string Status, long DeletedCount);
