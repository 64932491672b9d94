using LlmPlatform.Application.Configuration;

namespace LlmPlatform.Application.Operations.Routing;

/// <summary>The router settings with LiteLLM's names; durations are seconds.</summary>
public sealed record RouterSettingsView
{
    public required string RoutingStrategy { get; init; }

    public int NumRetries { get; init; }

    public double? Timeout { get; init; }

    public double? StreamTimeout { get; init; }

    public double RetryAfter { get; init; }

    public int AllowedFails { get; init; }

    public double CooldownTime { get; init; }

    public required IReadOnlyList<IReadOnlyDictionary<string, IReadOnlyList<string>>> Fallbacks { get; init; }

    public required IReadOnlyList<IReadOnlyDictionary<string, IReadOnlyList<string>>> ContextWindowFallbacks { get; init; }

    public required IReadOnlyList<IReadOnlyDictionary<string, IReadOnlyList<string>>> ContentPolicyFallbacks { get; init; }

    public required IReadOnlyDictionary<string, string> ModelGroupAlias { get; init; }

    public static RouterSettingsView Of(RouterSettings settings) => new()
    {
        RoutingStrategy = settings.RoutingStrategy,
        NumRetries = settings.NumRetries,
        Timeout = settings.Timeout?.TotalSeconds,
        StreamTimeout = settings.StreamTimeout?.TotalSeconds,
        RetryAfter = settings.RetryAfter.TotalSeconds,
        AllowedFails = settings.AllowedFails,
        CooldownTime = settings.CooldownTime.TotalSeconds,
        Fallbacks = AsList(settings.Fallbacks),
        ContextWindowFallbacks = AsList(settings.ContextWindowFallbacks),
        ContentPolicyFallbacks = AsList(settings.ContentPolicyFallbacks),
        ModelGroupAlias = settings.ModelGroupAlias,
    };

    /// <summary>LiteLLM writes fallbacks as a list of one-key objects: <c>[{"gpt-4": ["gpt-3.5"]}]</c>.</summary>
    private static List<IReadOnlyDictionary<string, IReadOnlyList<string>>> AsList(IReadOnlyDictionary<string, IReadOnlyList<string>> fallbacks) =>
        fallbacks.Select(f => (IReadOnlyDictionary<string, IReadOnlyList<string>>)new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { [f.Key] = f.Value })
            .ToList();
}
