namespace LlmPlatform.Application.Billing.Reports;

/// <summary>The <c>current_period</c> of <c>/usage/billing</c>: the calendar month (UTC) so far.</summary>
public sealed record BillingPeriod(string StartDate, string EndDate, UsageTotal Usage, BillingLimits Limits);
