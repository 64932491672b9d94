using FluentValidation;

namespace LlmPlatform.Application.Access.Teams;

/// <summary>The request names its team.</summary>
internal sealed class UpdateTeamCommandValidator : AbstractValidator<UpdateTeamCommand>
{
    public UpdateTeamCommandValidator()
    {
        RuleFor(c => c.Fields.TeamId).NotEmpty().WithMessage("'team_id' is required.").OverridePropertyName("team_id");
    }
}
