namespace LlmPlatform.Application.Billing.Reports;

/// <summary>The <c>tokens</c> of a <c>/usage</c> bucket.</summary>
public sealed record UsageTokens(long PromptTokens, long CompletionTokens, long TotalTokens);
