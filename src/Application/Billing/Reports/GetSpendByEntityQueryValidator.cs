using FluentValidation;

namespace LlmPlatform.Application.Billing.Reports;

/// <summary>Readable dates in order and a limit between 1 and <see cref="SpendReportLimits.MaxEntities"/>.</summary>
internal sealed class GetSpendByEntityQueryValidator : AbstractValidator<GetSpendByEntityQuery>
{
    public GetSpendByEntityQueryValidator()
    {
        this.AddDateRules(q => q.StartDate, q => q.EndDate);
        RuleFor(q => q.Limit).InclusiveBetween(1, SpendReportLimits.MaxEntities)
            .WithMessage($"'limit' must be between 1 and {SpendReportLimits.MaxEntities}.").OverridePropertyName("limit");
    }
}
