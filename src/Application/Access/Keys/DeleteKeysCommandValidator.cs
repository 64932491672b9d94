using FluentValidation;

namespace LlmPlatform.Application.Access.Keys;

/// <summary>A delete names at least one key or alias.</summary>
internal sealed class DeleteKeysCommandValidator : AbstractValidator<DeleteKeysCommand>
{
    public DeleteKeysCommandValidator()
    {
        RuleFor(c => c)
            .Must(c => c.Keys is { Count: > 0 } || c.KeyAliases is { Count: > 0 })
            .WithMessage("Give 'keys' or 'key_aliases' as a non-empty list.")
            .OverridePropertyName("keys");
    }
}
