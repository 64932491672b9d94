namespace LlmPlatform.Api.Controllers.Admin.Docs;

/// <summary>The body of <c>PATCH /router/settings</c>: the settings to change (merged into those in force); durations are seconds.</summary>
public sealed record RouterSettingsUpdateRequest
{
    public string? RoutingStrategy { get; init; }

    public int? NumRetries { get; init; }

    public double? Timeout { get; init; }

    public double? StreamTimeout { get; init; }

    public double? RetryAfter { get; init; }

    public int? AllowedFails { get; init; }

    public double? CooldownTime { get; init; }

    public IReadOnlyList<Dictionary<string, IReadOnlyList<string>>>? Fallbacks { get; init; }

    public IReadOnlyList<Dictionary<string, IReadOnlyList<string>>>? ContextWindowFallbacks { get; init; }

    public IReadOnlyList<Dictionary<string, IReadOnlyList<string>>>? ContentPolicyFallbacks { get; init; }

    public Dictionary<string, string>? ModelGroupAlias { get; init; }
}
