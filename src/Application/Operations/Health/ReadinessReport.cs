namespace LlmPlatform.Application.Operations.Health;

/// <summary>The answer of <c>/health/readiness</c>.</summary>
public sealed record ReadinessReport
{
    /// <summary>healthy, degraded (the cache is down but requests are served) or unhealthy.</summary>
    public required string Status { get; init; }

    /// <summary>connected or disconnected.</summary>
    public required string Db { get; init; }

    /// <summary>redis or in-memory.</summary>
    public required string Cache { get; init; }

    /// <summary>connected, disconnected or not_configured.</summary>
    public required string Redis { get; init; }

    public bool MigrationsApplied { get; init; }

    public bool ShuttingDown { get; init; }

    public IReadOnlyList<string> Failing { get; init; } = [];

    public bool IsReady => Status != "unhealthy";
}
