using FluentValidation;

namespace LlmPlatform.Application.Access.UserAccounts;

internal sealed class RegisterUserCommandValidator : AbstractValidator<RegisterUserCommand>
{
    public RegisterUserCommandValidator()
    {
        RuleFor(c => c.Email).ValidEmail().OverridePropertyName("email");
        RuleFor(c => c.Password).NotEmpty().Length(AccountRules.MinPasswordLength, AccountRules.MaxPasswordLength).OverridePropertyName("password");
        RuleFor(c => c.DisplayName).MaximumLength(200).OverridePropertyName("display_name");
    }
}
