using FluentValidation;

namespace LlmPlatform.Application.Access.EndUsers;

/// <summary>An end user is named by its <c>user_id</c>.</summary>
internal sealed class CreateEndUserCommandValidator : AbstractValidator<CreateEndUserCommand>
{
    public CreateEndUserCommandValidator()
    {
        RuleFor(c => c.Fields.UserId).NotEmpty().WithMessage("'user_id' is required.").OverridePropertyName("user_id");
    }
}
