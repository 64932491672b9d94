using FluentValidation;

namespace LlmPlatform.Application.Access.EndUsers;

/// <summary>A delete names at least one end user.</summary>
internal sealed class DeleteEndUsersCommandValidator : AbstractValidator<DeleteEndUsersCommand>
{
    public DeleteEndUsersCommandValidator()
    {
        RuleFor(c => c.UserIds).NotEmpty().WithMessage("'user_ids' must be a non-empty list.").OverridePropertyName("user_ids");
    }
}
