namespace LlmPlatform.Application.Billing.Reports;

/// <summary>The <c>cost</c> of a <c>/usage</c> bucket.</summary>
public sealed record UsageCost(decimal Amount, string Currency);
