namespace LlmPlatform.Application.Billing.Reports;

/// <summary>Requests, tokens and cost added up over a report.</summary>
public sealed record UsageTotal(long Requests, long Tokens, decimal Cost);
