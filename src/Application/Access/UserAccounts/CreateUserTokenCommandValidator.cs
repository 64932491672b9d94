using FluentValidation;

namespace LlmPlatform.Application.Access.UserAccounts;

internal sealed class CreateUserTokenCommandValidator : AbstractValidator<CreateUserTokenCommand>
{
    public CreateUserTokenCommandValidator()
    {
        RuleFor(c => c.Name).MaximumLength(200).OverridePropertyName("name");
        RuleFor(c => c.ExpiresDays).InclusiveBetween(1, 3650).OverridePropertyName("expires_days");
        RuleFor(c => c.Scopes).Must(s => s is null || s.Count <= 20).WithMessage("'scopes' holds at most 20 scopes.").OverridePropertyName("scopes");
        RuleForEach(c => c.Scopes).NotEmpty().MaximumLength(64).OverridePropertyName("scopes");
    }
}
