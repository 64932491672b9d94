using FluentValidation;

namespace LlmPlatform.Application.Billing.Reports;

/// <summary>Readable dates in order, <c>day</c> or <c>hour</c>, and a period an hourly report can answer.</summary>
internal sealed class GetUsageQueryValidator : AbstractValidator<GetUsageQuery>
{
    public GetUsageQueryValidator()
    {
        this.AddDateRules(q => q.StartDate, q => q.EndDate);
        RuleFor(q => q.Granularity).Must(g => g is null || UsageGranularityNames.TryParse(g, out _))
            .WithMessage("'granularity' must be 'day' or 'hour'.").OverridePropertyName("granularity");
        RuleFor(q => q).Must(WithinBounds)
            .WithMessage($"The period may span at most {SpendReportLimits.MaxHourlyDays} days by the hour and {SpendReportLimits.MaxDailyDays} days by the day.")
            .OverridePropertyName("start_date");
    }

    private static bool WithinBounds(GetUsageQuery q)
    {
        if (!ReportDates.TryParse(q.StartDate, out var from) || !ReportDates.TryParse(q.EndDate, out var to))
        {
            return true;
        }

        var hourly = UsageGranularityNames.TryParse(q.Granularity, out var g) && g == UsageGranularity.Hour;
        return to.DayNumber - from.DayNumber < (hourly ? SpendReportLimits.MaxHourlyDays : SpendReportLimits.MaxDailyDays);
    }
}
