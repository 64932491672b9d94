namespace LlmPlatform.Application.Access.Enforcement;

/// <summary>A soft budget was crossed: spend went from below to at or above it.</summary>
public sealed record BudgetAlert(string Scope, string Id, decimal SoftBudget, decimal Spend, decimal? MaxBudget, DateTimeOffset At);
