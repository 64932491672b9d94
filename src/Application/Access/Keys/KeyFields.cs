using System.Text.Json;

namespace LlmPlatform.Application.Access.Keys;

/// <summary>The settable fields of a virtual key, with LiteLLM's names; null means "not given".</summary>
public sealed record KeyFields
{
    public string? KeyAlias { get; init; }

    /// <summary>A lifetime such as <c>30d</c>; the key expires that long after the change.</summary>
    public string? Duration { get; init; }

    public IReadOnlyList<string>? Models { get; init; }

    public decimal? MaxBudget { get; init; }

    public decimal? SoftBudget { get; init; }

    public string? BudgetDuration { get; init; }

    public string? BudgetId { get; init; }

    public Dictionary<string, JsonElement>? ModelMaxBudget { get; init; }

    public long? TpmLimit { get; init; }

    public long? RpmLimit { get; init; }

    public int? MaxParallelRequests { get; init; }

    public Dictionary<string, long>? ModelRpmLimit { get; init; }

    public Dictionary<string, long>? ModelTpmLimit { get; init; }

    public string? UserId { get; init; }

    public string? TeamId { get; init; }

    public string? OrganizationId { get; init; }

    public Dictionary<string, JsonElement>? Metadata { get; init; }

    public Dictionary<string, string>? Aliases { get; init; }

    public IReadOnlyList<string>? AllowedRoutes { get; init; }

    public IReadOnlyList<string>? Tags { get; init; }

    public bool? Blocked { get; init; }

    public DateTimeOffset? Expires { get; init; }

    public decimal? Spend { get; init; }
}
