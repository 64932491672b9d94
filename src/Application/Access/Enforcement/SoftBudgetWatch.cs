namespace LlmPlatform.Application.Access.Enforcement;

/// <summary>A soft budget to compare with a budget counter after settlement.</summary>
public sealed record SoftBudgetWatch(string CounterKey, string Scope, string Id, decimal SoftBudget, decimal? MaxBudget)
{
    /// <summary>The owner scope the budget belongs to, for the alert's webhooks.</summary>
    public string? Owner { get; init; }
}
