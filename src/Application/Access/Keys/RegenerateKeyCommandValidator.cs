using FluentValidation;

namespace LlmPlatform.Application.Access.Keys;

/// <summary>A regeneration names its key.</summary>
internal sealed class RegenerateKeyCommandValidator : AbstractValidator<RegenerateKeyCommand>
{
    public RegenerateKeyCommandValidator()
    {
        RuleFor(c => c.Key).NotEmpty().WithMessage("'key' is required.").OverridePropertyName("key");
    }
}
