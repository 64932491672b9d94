namespace LlmPlatform.Application.Operations.Cache.PingCache;

/// <summary>The cache settings in force, as <c>cache_params</c> names them.</summary>
public sealed record CacheParamsView
{
    public required string Type { get; init; }

    /// <summary>Seconds.</summary>
    public double Ttl { get; init; }

    public string? Namespace { get; init; }

    public required IReadOnlyList<string> SupportedCallTypes { get; init; }
}
