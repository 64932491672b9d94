using FluentValidation;

namespace LlmPlatform.Application.Billing.Reports;

/// <summary>Readable dates in order, a known <c>group_by</c> and a period of bounded length.</summary>
internal sealed class GetGlobalSpendReportQueryValidator : AbstractValidator<GetGlobalSpendReportQuery>
{
    public GetGlobalSpendReportQueryValidator()
    {
        this.AddDateRules(q => q.StartDate, q => q.EndDate);
        RuleFor(q => q.GroupBy).Must(g => g is null || SpendGroupByNames.TryParse(g, out _))
            .WithMessage("'group_by' must be one of " + SpendGroupByNames.Accepted + ".").OverridePropertyName("group_by");
        RuleFor(q => q).Must(q => !ReportDates.TryParse(q.StartDate, out var from) || !ReportDates.TryParse(q.EndDate, out var to)
                || to.DayNumber - from.DayNumber < SpendReportLimits.MaxDailyDays)
            .WithMessage($"The period may span at most {SpendReportLimits.MaxDailyDays} days.").OverridePropertyName("start_date");
    }
}
