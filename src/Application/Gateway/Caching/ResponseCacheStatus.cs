namespace LlmPlatform.Application.Gateway.Caching;

/// <summary>What the response cache did for the current request, for the response headers; one per request scope.</summary>
public sealed class ResponseCacheStatus
{
    /// <summary>The request's cache key, null when the cache did not look at the request.</summary>
    public string? Key { get; private set; }

    /// <summary>Whether the answer came from the cache.</summary>
    public bool Hit { get; private set; }

    internal void Record(string key, bool hit)
    {
        Key = key;
        Hit = hit;
    }
}
