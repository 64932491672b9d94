using FluentValidation;

namespace LlmPlatform.Application.Access.EndUsers;

/// <summary>A block or unblock names at least one end user.</summary>
internal sealed class SetEndUsersBlockedCommandValidator : AbstractValidator<SetEndUsersBlockedCommand>
{
    public SetEndUsersBlockedCommandValidator()
    {
        RuleFor(c => c.UserIds).NotEmpty().WithMessage("'user_ids' must be a non-empty list.").OverridePropertyName("user_ids");
    }
}
