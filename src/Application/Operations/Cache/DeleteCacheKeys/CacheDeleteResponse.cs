namespace LlmPlatform.Application.Operations.Cache.DeleteCacheKeys;

/// <summary><c>{"status": "success", "deleted_count": N}</c>.</summary>
public sealed record CacheDeleteResponse(string Status, long DeletedCount);
