using FluentValidation;

namespace LlmPlatform.Application.Billing.Budgets;

/// <summary>A delete names its budget.</summary>
internal sealed class DeleteBudgetCommandValidator : AbstractValidator<DeleteBudgetCommand>
{
    public DeleteBudgetCommandValidator()
    {
        RuleFor(c => c.BudgetId).NotEmpty().WithMessage("'id' is required.").OverridePropertyName("id");
    }
}
