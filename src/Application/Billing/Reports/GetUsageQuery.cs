using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Billing.Reports;

/// <summary>
/// <c>GET /usage</c>: requests, tokens, cost and latency percentiles per day or hour (<c>granularity</c>) and model
/// between <c>start_date</c> and <c>end_date</c> (default the last 30 days, or the last 2 days by the hour),
/// optionally for one <c>model</c>, with totals.
/// </summary>
public sealed record GetUsageQuery(string? StartDate, string? EndDate, string? Granularity, string? Model, CallerIdentity Caller)
    : IQuery<UsageReport>;
