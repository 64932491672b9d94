namespace LlmPlatform.Application.Billing.Reports;

/// <summary>The answer of <c>GET /usage</c>.</summary>
public sealed record UsageReport(IReadOnlyList<UsageBucket> Data, UsageTotal Total);
