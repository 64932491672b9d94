using FluentValidation;

namespace LlmPlatform.Application.Billing.Budgets;

/// <summary>An update names its budget.</summary>
internal sealed class UpdateBudgetCommandValidator : AbstractValidator<UpdateBudgetCommand>
{
    public UpdateBudgetCommandValidator()
    {
        RuleFor(c => c.Fields.BudgetId).NotEmpty().WithMessage("'budget_id' is required.").OverridePropertyName("budget_id");
    }
}
