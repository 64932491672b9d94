using FluentValidation;

namespace LlmPlatform.Application.Access.UserAccounts;

internal sealed class UpdateMyProfileCommandValidator : AbstractValidator<UpdateMyProfileCommand>
{
    public UpdateMyProfileCommandValidator()
    {
        RuleFor(c => c.DisplayName).MaximumLength(200).OverridePropertyName("display_name");
    }
}
