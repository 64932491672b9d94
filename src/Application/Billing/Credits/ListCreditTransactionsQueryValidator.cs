using FluentValidation;

namespace LlmPlatform.Application.Billing.Credits;

internal sealed class ListCreditTransactionsQueryValidator : AbstractValidator<ListCreditTransactionsQuery>
{
    public ListCreditTransactionsQueryValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, 1000).OverridePropertyName("limit");
        RuleFor(q => q.Offset).GreaterThanOrEqualTo(0).OverridePropertyName("offset");
    }
}
