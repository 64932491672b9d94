using System.Text.Json.Serialization;

namespace LlmPlatform.Application.Billing.Reports;

/// <summary>The answer of <c>GET /usage/billing</c>; no payment method is kept, so <c>payment_method</c> is null (written, not left out).</summary>
public sealed record UsageBillingReport(
    BillingPeriod CurrentPeriod,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] object? PaymentMethod,
    string NextBillingDate);
