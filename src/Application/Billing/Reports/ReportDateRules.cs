using FluentValidation;

namespace LlmPlatform.Application.Billing.Reports;

/// <summary>The date checks every report's validator shares: each date readable, the end not before the start.</summary>
internal static class ReportDateRules
{
    public static void AddDateRules<T>(this AbstractValidator<T> validator, Func<T, string?> start, Func<T, string?> end)
    {
        validator.RuleFor(q => start(q)).Must(ReportDates.IsAbsentOrValid)
            .WithMessage("'start_date' " + ReportDates.Message).OverridePropertyName("start_date");
        validator.RuleFor(q => end(q)).Must(ReportDates.IsAbsentOrValid)
            .WithMessage("'end_date' " + ReportDates.Message).OverridePropertyName("end_date");
        validator.RuleFor(q => q).Must(q => ReportDates.InOrder(start(q), end(q)))
            .WithMessage("'end_date' must not be before 'start_date'.").OverridePropertyName("end_date");
    }
}
