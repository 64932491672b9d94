namespace LlmPlatform.Application.Billing.Reports;

/// <summary>The answer of <c>GET /usage/billing</c>; no payment method is kept, so <c>payment_method</c> is null.</summary>
public sealed record UsageBillingReport(BillingPeriod CurrentPeriod, object? PaymentMethod, string NextBillingDate);
