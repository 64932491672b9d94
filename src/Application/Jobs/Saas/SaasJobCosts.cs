namespace LlmPlatform.Application.Jobs.Saas;

/// <summary>A job's cost, call by call.</summary>
public sealed record SaasJobCosts(Guid JobId, string TeamId, string JobType, string Status, SaasJobCostBreakdown Costs);
