namespace LlmPlatform.Application.Billing.Reports;

/// <summary>The report read models, straight from the roll-ups (and the ledger for <c>/spend/logs</c>).</summary>
public interface ISpendReportReader
{
    Task<IReadOnlyList<EntitySpend>> SpendByAsync(SpendEntity entity, ReportScope scope, ReportPeriod? period, int limit, CancellationToken cancellationToken);

    Task<IReadOnlyList<SpendLogEntry>> LogsAsync(SpendLogFilter filter, ReportScope scope, CancellationToken cancellationToken);

    Task<IReadOnlyList<GlobalSpendRow>> GlobalAsync(SpendGroupBy groupBy, ReportScope scope, ReportPeriod period, CancellationToken cancellationToken);

    Task<IReadOnlyList<UsageRow>> UsageAsync(UsageGranularity granularity, ReportScope scope, ReportPeriod period, string? model, CancellationToken cancellationToken);

    Task<UsageTotal> TotalsAsync(ReportScope scope, ReportPeriod period, CancellationToken cancellationToken);
}
