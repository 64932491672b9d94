using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Billing.Reports;

/// <summary>
/// <c>GET /global/spend/report</c>: spend per day and per team, end user, key, model or tag (<c>group_by</c>, default
/// team) between <c>start_date</c> and <c>end_date</c> (default the last 30 days).
/// </summary>
public sealed record GetGlobalSpendReportQuery(string? StartDate, string? EndDate, string? GroupBy, CallerIdentity Caller)
    : IQuery<IReadOnlyList<GlobalSpendDay>>;
