using System.Text.Json;

namespace LlmPlatform.Application.Access.Keys;

/// <summary>A stored virtual key as the admin API shows it: its hash (<c>token</c>), never the key.</summary>
public sealed record KeyInfo
{
    public required string Token { get; init; }

    public required string KeyName { get; init; }

    public string? KeyAlias { get; init; }

    public string? UserId { get; init; }

    public string? TeamId { get; init; }

    public string? OrganizationId { get; init; }

    public IReadOnlyList<string> Models { get; init; } = [];

    public decimal? MaxBudget { get; init; }

    public decimal? SoftBudget { get; init; }

    public string? BudgetDuration { get; init; }

    public DateTimeOffset? BudgetResetAt { get; init; }

    public string? BudgetId { get; init; }

    public Dictionary<string, JsonElement> ModelMaxBudget { get; init; } = [];

    public long? TpmLimit { get; init; }

    public long? RpmLimit { get; init; }

    public int? MaxParallelRequests { get; init; }

    public Dictionary<string, long> ModelRpmLimit { get; init; } = [];

    public Dictionary<string, long> ModelTpmLimit { get; init; } = [];

    public Dictionary<string, JsonElement> Metadata { get; init; } = [];

    public Dictionary<string, string> Aliases { get; init; } = [];

    public IReadOnlyList<string> AllowedRoutes { get; init; } = [];

    public IReadOnlyList<string> Tags { get; init; } = [];

    public bool Blocked { get; init; }

    public DateTimeOffset? Expires { get; init; }

    public decimal Spend { get; init; }

    public string? CreatedBy { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}
