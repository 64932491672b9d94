namespace LlmPlatform.Application.Billing.Reports;

/// <summary>
/// The caller's limits for the period: <c>monthly_budget</c> is the smallest <c>max_budget</c> of its key, user, team
/// and organization; the platform has no monthly request or token quota, so those are null.
/// </summary>
public sealed record BillingLimits(decimal? MonthlyBudget, long? RequestsPerMonth, long? TokensPerMonth);
