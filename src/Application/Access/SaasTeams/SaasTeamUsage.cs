namespace LlmPlatform.Application.Access.SaasTeams;

/// <summary>A team's jobs of one month: totals, and count and cost per job type.</summary>
public sealed record SaasTeamUsage(string TeamId, string Period, SaasUsageSummary Summary, IReadOnlyDictionary<string, SaasJobTypeUsage> JobTypes);
