namespace LlmPlatform.Application.Billing.Credits;

/// <summary>How a team's completed jobs are charged: one credit each, or by their cost in dollars or tokens.</summary>
public static class BudgetModes
{
    public const string JobBased = "job_based";

    public const string ConsumptionUsd = "consumption_usd";

    public const string ConsumptionTokens = "consumption_tokens";

    public static IReadOnlyList<string> All { get; } = [JobBased, ConsumptionUsd, ConsumptionTokens];
}
