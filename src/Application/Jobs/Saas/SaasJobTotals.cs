namespace LlmPlatform.Application.Jobs.Saas;

/// <summary>A job with its calls summed, for the team usage report.</summary>
public sealed record SaasJobTotals(Guid JobId, string JobType, string Status, long Tokens, decimal CostUsd);
