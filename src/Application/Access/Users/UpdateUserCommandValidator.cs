using FluentValidation;

namespace LlmPlatform.Application.Access.Users;

/// <summary>An update names its user.</summary>
internal sealed class UpdateUserCommandValidator : AbstractValidator<UpdateUserCommand>
{
    public UpdateUserCommandValidator()
    {
        RuleFor(c => c.Fields.UserId).NotEmpty().WithMessage("'user_id' is required.").OverridePropertyName("user_id");
    }
}
