namespace LlmPlatform.Application.Billing.Reports;

/// <summary>The spend of one model inside a group of <c>/global/spend/report</c>.</summary>
public sealed record ModelSpend(string Model, decimal Spend, long TotalTokens, long Requests);
