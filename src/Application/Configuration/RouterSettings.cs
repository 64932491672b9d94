namespace LlmPlatform.Application.Configuration;

/// <summary><c>router_settings</c>, with LiteLLM's names and defaults.</summary>
public sealed record RouterSettings
{
    public string RoutingStrategy { get; init; } = "simple-shuffle";

    public int NumRetries { get; init; } = 2;

    public TimeSpan? Timeout { get; init; }

    public TimeSpan? StreamTimeout { get; init; }

    /// <summary>The minimum wait between retries, and the wait when an upstream 429 gives no Retry-After.</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.Zero;

    public int AllowedFails { get; init; } = 3;

    public TimeSpan CooldownTime { get; init; } = TimeSpan.FromSeconds(5);

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Fallbacks { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public IReadOnlyDictionary<string, IReadOnlyList<string>> ContextWindowFallbacks { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public IReadOnlyDictionary<string, IReadOnlyList<string>> ContentPolicyFallbacks { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public IReadOnlyDictionary<string, string> ModelGroupAlias { get; init; } = new Dictionary<string, string>();

    public static IReadOnlyList<string> KnownStrategies { get; } =
    [
        "simple-shuffle",
        "least-busy",
        "latency-based-routing",
        "usage-based-routing",
        "usage-based-routing-v2",
        "cost-based-routing",
    ];
}
