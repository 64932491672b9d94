using FluentValidation;

namespace LlmPlatform.Application.Conversations;

internal sealed class CreateSessionCommandValidator : AbstractValidator<CreateSessionCommand>
{
    public CreateSessionCommandValidator()
    {
        RuleFor(c => c.Title).MaximumLength(SessionRules.MaxTitleLength).OverridePropertyName("title");
    }
}
