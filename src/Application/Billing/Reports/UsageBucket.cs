namespace LlmPlatform.Application.Billing.Reports;

/// <summary>One entry of <c>/usage</c>'s <c>data</c>: a day (<c>YYYY-MM-DD</c>) or hour (<c>YYYY-MM-DDTHH:00:00Z</c>) and model.</summary>
public sealed record UsageBucket(string Date, string Model, long Requests, UsageTokens Tokens, UsageCost Cost, UsageLatency Latency);
