using FluentValidation;

namespace LlmPlatform.Application.Access.UserAccounts;

internal sealed class LoginUserCommandValidator : AbstractValidator<LoginUserCommand>
{
    public LoginUserCommandValidator()
    {
        RuleFor(c => c.Email).NotEmpty().MaximumLength(254).OverridePropertyName("email");
        RuleFor(c => c.Password).NotEmpty().MaximumLength(AccountRules.MaxPasswordLength).OverridePropertyName("password");
    }
}
