using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Billing.Reports;

/// <summary>
/// <c>GET /spend/logs</c>: ledger rows, newest first, filtered by <c>api_key</c> (the key or its hash), <c>user_id</c>,
/// <c>team_id</c>, <c>request_id</c>, <c>start_date</c> and <c>end_date</c>, one page (<c>page</c> from 1,
/// <c>page_size</c> up to <see cref="SpendReportLimits.MaxPageSize"/>) at a time.
/// </summary>
public sealed record GetSpendLogsQuery(
    string? ApiKey,
    string? UserId,
    string? TeamId,
    string? RequestId,
    string? StartDate,
    string? EndDate,
    int? Page,
    int? PageSize,
    CallerIdentity Caller) : IQuery<IReadOnlyList<SpendLogEntry>>;
