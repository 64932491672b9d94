using System.Globalization;
using LlmPlatform.Domain.Access;
using LlmPlatform.Domain.Billing;
using LlmPlatform.Domain.Common;
using MediatR;

namespace LlmPlatform.Application.Billing.Reports;

/// <summary>
/// The spend and usage reports. Every caller may ask; <see cref="ReportScope.For"/> limits what a non-admin key sees
/// to its own key, user and team.
/// </summary>
internal sealed class SpendReportHandler :
    IRequestHandler<GetSpendByEntityQuery, Result<IReadOnlyList<EntitySpend>>>,
    IRequestHandler<GetSpendLogsQuery, Result<IReadOnlyList<SpendLogEntry>>>,
    IRequestHandler<GetGlobalSpendReportQuery, Result<IReadOnlyList<GlobalSpendDay>>>,
    IRequestHandler<GetUsageQuery, Result<UsageReport>>,
    IRequestHandler<GetUsageBillingQuery, Result<UsageBillingReport>>
{
    private const int DefaultReportDays = 30;
    private const int DefaultHourlyDays = 2;

    private readonly ISpendReportReader _reader;
    private readonly TimeProvider _time;

    public SpendReportHandler(ISpendReportReader reader, TimeProvider time)
    {
        _reader = reader;
        _time = time;
    }

    private DateOnly Today => DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);

    public async Task<Result<IReadOnlyList<EntitySpend>>> Handle(GetSpendByEntityQuery request, CancellationToken cancellationToken)
    {
        var period = ReportDates.OptionalPeriod(request.StartDate, request.EndDate);
        var rows = await _reader.SpendByAsync(
            request.Entity,
            ReportScope.For(request.Caller),
            period,
            request.Limit ?? SpendReportLimits.DefaultEntities,
            cancellationToken).ConfigureAwait(false);
        return Result<IReadOnlyList<EntitySpend>>.Success(rows);
    }

    public async Task<Result<IReadOnlyList<SpendLogEntry>>> Handle(GetSpendLogsQuery request, CancellationToken cancellationToken)
    {
        var filter = new SpendLogFilter
        {
            KeyHash = string.IsNullOrEmpty(request.ApiKey) ? null : KeySecret.TokenOf(request.ApiKey),
            UserId = NullIfEmpty(request.UserId),
            TeamId = NullIfEmpty(request.TeamId),
            RequestId = NullIfEmpty(request.RequestId),
            Period = ReportDates.OptionalPeriod(request.StartDate, request.EndDate),
            Page = request.Page ?? 1,
            PageSize = request.PageSize ?? SpendReportLimits.DefaultPageSize,
        };
        var rows = await _reader.LogsAsync(filter, ReportScope.For(request.Caller), cancellationToken).ConfigureAwait(false);
        return Result<IReadOnlyList<SpendLogEntry>>.Success(rows);
    }

    public async Task<Result<IReadOnlyList<GlobalSpendDay>>> Handle(GetGlobalSpendReportQuery request, CancellationToken cancellationToken)
    {
        var groupBy = SpendGroupByNames.ParseOrDefault(request.GroupBy);
        var period = ReportDates.Period(request.StartDate, request.EndDate, Today, DefaultReportDays);
        var rows = await _reader.GlobalAsync(groupBy, ReportScope.For(request.Caller), period, cancellationToken).ConfigureAwait(false);
        var days = rows
            .GroupBy(r => r.Day)
            .OrderBy(d => d.Key)
            .Select(day => new GlobalSpendDay(
                day.Key,
                day.GroupBy(r => r.Group, StringComparer.Ordinal)
                    .Select(g => new GlobalSpendGroup(
                        g.Key,
                        g.Select(r => r.Alias).FirstOrDefault(a => a is not null),
                        g.Sum(r => r.Spend),
                        g.Sum(r => r.TotalTokens),
                        g.Sum(r => r.Requests),
                        g.OrderByDescending(r => r.Spend).ThenBy(r => r.Model, StringComparer.Ordinal)
                            .Select(r => new ModelSpend(r.Model, r.Spend, r.TotalTokens, r.Requests)).ToList()))
                    .OrderByDescending(g => g.TotalSpend).ThenBy(g => g.Name, StringComparer.Ordinal)
                    .ToList()))
            .ToList();
        return Result<IReadOnlyList<GlobalSpendDay>>.Success(days);
    }

    public async Task<Result<UsageReport>> Handle(GetUsageQuery request, CancellationToken cancellationToken)
    {
        var granularity = UsageGranularityNames.ParseOrDefault(request.Granularity);
        var period = ReportDates.Period(
            request.StartDate,
            request.EndDate,
            Today,
            granularity == UsageGranularity.Hour ? DefaultHourlyDays : DefaultReportDays);
        var rows = await _reader.UsageAsync(granularity, ReportScope.For(request.Caller), period, NullIfEmpty(request.Model), cancellationToken).ConfigureAwait(false);
        var data = rows
            .OrderBy(r => r.Bucket).ThenBy(r => r.Model, StringComparer.Ordinal)
            .Select(r => new UsageBucket(
                granularity == UsageGranularity.Hour
                    ? r.Bucket.ToString("yyyy-MM-dd'T'HH':00:00Z'", CultureInfo.InvariantCulture)
                    : r.Bucket.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                r.Model,
                r.Requests,
                new UsageTokens(r.PromptTokens, r.CompletionTokens, r.TotalTokens),
                new UsageCost(r.Spend, "USD"),
                new UsageLatency(
                    LatencyHistogram.Percentile(r.Latency, 0.50),
                    LatencyHistogram.Percentile(r.Latency, 0.95),
                    LatencyHistogram.Percentile(r.Latency, 0.99))))
            .ToList();
        var total = new UsageTotal(rows.Sum(r => r.Requests), rows.Sum(r => r.TotalTokens), rows.Sum(r => r.Spend));
        return new UsageReport(data, total);
    }

    public async Task<Result<UsageBillingReport>> Handle(GetUsageBillingQuery request, CancellationToken cancellationToken)
    {
        var today = Today;
        var start = new DateOnly(today.Year, today.Month, 1);
        var end = start.AddMonths(1).AddDays(-1);
        var usage = await _reader.TotalsAsync(ReportScope.For(request.Caller), new ReportPeriod(start, today), cancellationToken).ConfigureAwait(false);
        var caller = request.Caller;
        decimal? budget = caller.IsAdmin
            ? null
            : new[] { caller.KeyLimits.MaxBudget, caller.UserLimits.MaxBudget, caller.TeamLimits.MaxBudget, caller.OrganizationLimits.MaxBudget }
                .Where(b => b is not null)
                .Min();
        var limits = new BillingLimits(budget, null, null);
        return new UsageBillingReport(
            new BillingPeriod(Format(start), Format(end), usage, limits),
            null,
            Format(end.AddDays(1)));
    }

    private static string Format(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
