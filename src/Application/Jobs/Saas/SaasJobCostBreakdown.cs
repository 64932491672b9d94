namespace LlmPlatform.Application.Jobs.Saas;

/// <summary>A job's total cost and its calls' parts.</summary>
public sealed record SaasJobCostBreakdown(decimal TotalCostUsd, IReadOnlyList<SaasJobCallCost> Breakdown);
