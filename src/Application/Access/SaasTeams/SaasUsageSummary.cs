namespace LlmPlatform.Application.Access.SaasTeams;

/// <summary>A month's jobs summed.</summary>
public sealed record SaasUsageSummary(int TotalJobs, int SuccessfulJobs, int FailedJobs, decimal TotalCostUsd, long TotalTokens, decimal AvgCostPerJob);
