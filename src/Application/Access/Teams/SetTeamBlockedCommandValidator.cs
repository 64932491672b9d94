using FluentValidation;

namespace LlmPlatform.Application.Access.Teams;

/// <summary>The request names its team.</summary>
internal sealed class SetTeamBlockedCommandValidator : AbstractValidator<SetTeamBlockedCommand>
{
    public SetTeamBlockedCommandValidator()
    {
        RuleFor(c => c.TeamId).NotEmpty().WithMessage("'team_id' is required.").OverridePropertyName("team_id");
    }
}
