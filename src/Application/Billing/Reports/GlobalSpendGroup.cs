namespace LlmPlatform.Application.Billing.Reports;

/// <summary>One group's spend on one day, with its spend per model (LiteLLM's <c>metadata</c>).</summary>
public sealed record GlobalSpendGroup(string Name, string? Alias, decimal TotalSpend, long TotalTokens, long Requests, IReadOnlyList<ModelSpend> Models);
