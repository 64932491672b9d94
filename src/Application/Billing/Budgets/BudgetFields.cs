using System.Text.Json;

namespace LlmPlatform.Application.Billing.Budgets;

/// <summary>The settable fields of a shared budget, with LiteLLM's names; null means "not given".</summary>
public sealed record BudgetFields
{
    public string? BudgetId { get; init; }

    public decimal? MaxBudget { get; init; }

    public decimal? SoftBudget { get; init; }

    public string? BudgetDuration { get; init; }

    public long? TpmLimit { get; init; }

    public long? RpmLimit { get; init; }

    public int? MaxParallelRequests { get; init; }

    public Dictionary<string, JsonElement>? ModelMaxBudget { get; init; }
}
