using FluentValidation;

namespace LlmPlatform.Application.Access.Keys;

/// <summary>A block or unblock names its key.</summary>
internal sealed class SetKeyBlockedCommandValidator : AbstractValidator<SetKeyBlockedCommand>
{
    public SetKeyBlockedCommandValidator()
    {
        RuleFor(c => c.Key).NotEmpty().WithMessage("'key' is required.").OverridePropertyName("key");
    }
}
