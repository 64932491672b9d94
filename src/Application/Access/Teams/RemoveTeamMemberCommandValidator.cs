using FluentValidation;

namespace LlmPlatform.Application.Access.Teams;

/// <summary>The request names its team.</summary>
internal sealed class RemoveTeamMemberCommandValidator : AbstractValidator<RemoveTeamMemberCommand>
{
    public RemoveTeamMemberCommandValidator()
    {
        RuleFor(c => c.TeamId).NotEmpty().WithMessage("'team_id' is required.").OverridePropertyName("team_id");
        RuleFor(c => c.UserId).NotEmpty().WithMessage("'user_id' is required.").OverridePropertyName("user_id");
    }
}
