using FluentValidation;
using LlmPlatform.Application.Billing.Credits;

namespace LlmPlatform.Application.Access.SaasTeams;

internal sealed class UpdateSaasTeamCommandValidator : AbstractValidator<UpdateSaasTeamCommand>
{
    public UpdateSaasTeamCommandValidator()
    {
        RuleFor(c => c.TeamAlias).MaximumLength(255).OverridePropertyName("team_alias");
        RuleFor(c => c.CreditsAllocated).GreaterThanOrEqualTo(0).OverridePropertyName("credits_allocated");
        RuleFor(c => c.CreditsUsed).GreaterThanOrEqualTo(0).OverridePropertyName("credits_used");
        RuleFor(c => c.CreditsPerDollar).GreaterThan(0).OverridePropertyName("credits_per_dollar");
        RuleFor(c => c.BudgetMode).Must(m => BudgetModes.All.Contains(m!)).When(c => c.BudgetMode is not null)
            .OverridePropertyName("budget_mode")
            .WithMessage(c => $"Invalid budget_mode: {c.BudgetMode}. Must be one of: {string.Join(", ", BudgetModes.All)}");
        RuleForEach(c => c.AccessGroups).NotEmpty().OverridePropertyName("access_groups");
    }
}
