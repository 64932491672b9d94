using FluentValidation;

namespace LlmPlatform.Application.Billing.Reports;

/// <summary>Readable dates in order, a page from 1 and a page size within bounds.</summary>
internal sealed class GetSpendLogsQueryValidator : AbstractValidator<GetSpendLogsQuery>
{
    public GetSpendLogsQueryValidator()
    {
        this.AddDateRules(q => q.StartDate, q => q.EndDate);
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1).WithMessage("'page' must be 1 or more.").OverridePropertyName("page");
        RuleFor(q => q.PageSize).InclusiveBetween(1, SpendReportLimits.MaxPageSize)
            .WithMessage($"'page_size' must be between 1 and {SpendReportLimits.MaxPageSize}.").OverridePropertyName("page_size");
    }
}
