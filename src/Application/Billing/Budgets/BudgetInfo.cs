using System.Text.Json;

namespace LlmPlatform.Application.Billing.Budgets;

/// <summary>A named budget that keys, users, teams, organizations and end users can share by <c>budget_id</c>.</summary>
public sealed record BudgetInfo
{
    public required string BudgetId { get; init; }

    public decimal? MaxBudget { get; init; }

    public decimal? SoftBudget { get; init; }

    public string? BudgetDuration { get; init; }

    public long? TpmLimit { get; init; }

    public long? RpmLimit { get; init; }

    public int? MaxParallelRequests { get; init; }

    public Dictionary<string, JsonElement> ModelMaxBudget { get; init; } = [];

    public string? CreatedBy { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}
