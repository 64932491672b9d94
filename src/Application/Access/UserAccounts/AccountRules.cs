using FluentValidation;

namespace LlmPlatform.Application.Access.UserAccounts;

/// <summary>The shape of an e-mail and a password.</summary>
internal static class AccountRules
{
    public const int MinPasswordLength = 8;

    public const int MaxPasswordLength = 256;

    public static IRuleBuilderOptions<T, string?> ValidEmail<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().MaximumLength(254).Matches(@"^[^@\s]+@[^@\s]+\.[^@\s]+$").WithMessage("'email' must be an email address.");
}
