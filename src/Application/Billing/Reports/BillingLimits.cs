using System.Text.Json.Serialization;

namespace LlmPlatform.Application.Billing.Reports;

/// <summary>
/// The caller's limits for the period: <c>monthly_budget</c> is the smallest <c>max_budget</c> of its key, user, team
/// and organization; the platform has no monthly request or token quota, so those are null. Nulls are written (the
/// Platform API's clients read all three members), not left out.
/// </summary>
public sealed record BillingLimits(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] decimal? MonthlyBudget,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] long? RequestsPerMonth,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] long? TokensPerMonth);
