using FluentValidation;

namespace LlmPlatform.Application.Access.Teams;

/// <summary>A delete names at least one team.</summary>
internal sealed class DeleteTeamsCommandValidator : AbstractValidator<DeleteTeamsCommand>
{
    public DeleteTeamsCommandValidator()
    {
        RuleFor(c => c.TeamIds).NotEmpty().WithMessage("'team_ids' must be a non-empty list.").OverridePropertyName("team_ids");
    }
}
