using FluentValidation;

namespace LlmPlatform.Application.Access.UserAccounts;

internal sealed class CreateInviteCommandValidator : AbstractValidator<CreateInviteCommand>
{
    public CreateInviteCommandValidator()
    {
        RuleFor(c => c.Email).ValidEmail().When(c => c.Email is not null).OverridePropertyName("email");
        RuleFor(c => c.ExpiresDays).InclusiveBetween(1, 365).OverridePropertyName("expires_days");
    }
}
