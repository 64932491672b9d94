using FluentValidation;

namespace LlmPlatform.Application.Access.SaasTeams;

internal sealed class CreateSaasTeamCommandValidator : AbstractValidator<CreateSaasTeamCommand>
{
    public CreateSaasTeamCommandValidator()
    {
        RuleFor(c => c.TeamId).NotEmpty().MaximumLength(255).OverridePropertyName("team_id");
        RuleFor(c => c.TeamAlias).MaximumLength(255).OverridePropertyName("team_alias");
        RuleFor(c => c.CreditsAllocated).GreaterThanOrEqualTo(0).OverridePropertyName("credits_allocated");
        RuleForEach(c => c.AccessGroups).NotEmpty().OverridePropertyName("access_groups");
    }
}
