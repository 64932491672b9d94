namespace LlmPlatform.Application.Billing.Reports;

/// <summary>Which ledger rows <c>/spend/logs</c> lists: every given filter must match; pages are 1-based.</summary>
public sealed record SpendLogFilter
{
    public string? KeyHash { get; init; }

    public string? UserId { get; init; }

    public string? TeamId { get; init; }

    public string? RequestId { get; init; }

    public ReportPeriod? Period { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = SpendReportLimits.DefaultPageSize;
}
