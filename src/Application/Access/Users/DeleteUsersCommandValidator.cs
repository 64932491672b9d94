using FluentValidation;

namespace LlmPlatform.Application.Access.Users;

/// <summary>A delete names at least one user.</summary>
internal sealed class DeleteUsersCommandValidator : AbstractValidator<DeleteUsersCommand>
{
    public DeleteUsersCommandValidator()
    {
        RuleFor(c => c.UserIds).NotEmpty().WithMessage("'user_ids' must be a non-empty list.").OverridePropertyName("user_ids");
    }
}
