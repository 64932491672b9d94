using FluentValidation;

namespace LlmPlatform.Application.Billing.Credits;

internal sealed class AddCreditsCommandValidator : AbstractValidator<AddCreditsCommand>
{
    public AddCreditsCommandValidator()
    {
        RuleFor(c => c.TeamId).NotEmpty().OverridePropertyName("team_id");
        RuleFor(c => c.Amount).NotNull().OverridePropertyName("amount");
        RuleFor(c => c.Amount).GreaterThan(0).LessThanOrEqualTo(1_000_000_000_000).When(c => c.Amount is not null)
            .OverridePropertyName("amount").WithMessage("'amount' must be a whole number of credits above 0.");
        RuleFor(c => c.Reason).MaximumLength(1000).OverridePropertyName("reason");
    }
}
