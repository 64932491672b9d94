namespace LlmPlatform.Application.Access.Enforcement;

/// <summary>A soft budget was crossed: spend went from below to at or above it.</summary>
public sealed record BudgetAlert(string Scope, string Id, decimal SoftBudget, decimal Spend, decimal? MaxBudget, DateTimeOffset At)
{
    /// <summary>The owner scope the budget belongs to (its webhooks and the admins' receive the alert).</summary>
    public string? Owner { get; init; }
}
