using FluentValidation;

namespace LlmPlatform.Application.Access.EndUsers;

/// <summary>An update names its end user.</summary>
internal sealed class UpdateEndUserCommandValidator : AbstractValidator<UpdateEndUserCommand>
{
    public UpdateEndUserCommandValidator()
    {
        RuleFor(c => c.Fields.UserId).NotEmpty().WithMessage("'user_id' is required.").OverridePropertyName("user_id");
    }
}
