using FluentValidation;

namespace LlmPlatform.Application.Access.Teams;

/// <summary>The request names its team.</summary>
internal sealed class AddTeamMembersCommandValidator : AbstractValidator<AddTeamMembersCommand>
{
    public AddTeamMembersCommandValidator()
    {
        RuleFor(c => c.TeamId).NotEmpty().WithMessage("'team_id' is required.").OverridePropertyName("team_id");
        RuleFor(c => c.Members).NotEmpty().WithMessage("'member' is required.").OverridePropertyName("member");
        RuleForEach(c => c.Members)
            .Must(m => !string.IsNullOrEmpty(m.UserId))
            .WithMessage("Each member needs a 'user_id'.").OverridePropertyName("member");
        RuleForEach(c => c.Members)
            .Must(m => m.Role is null or "admin" or "user")
            .WithMessage("A member's 'role' must be 'admin' or 'user'.").OverridePropertyName("member");
    }
}
