using FluentValidation;

namespace LlmPlatform.Application.Conversations;

internal sealed class UpdateSessionCommandValidator : AbstractValidator<UpdateSessionCommand>
{
    public UpdateSessionCommandValidator()
    {
        RuleFor(c => c.Title).MaximumLength(SessionRules.MaxTitleLength).OverridePropertyName("title");
    }
}
