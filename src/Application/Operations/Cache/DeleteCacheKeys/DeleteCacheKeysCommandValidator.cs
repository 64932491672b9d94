using FluentValidation;

namespace LlmPlatform.Application.Operations.Cache.DeleteCacheKeys;

internal sealed class DeleteCacheKeysCommandValidator : AbstractValidator<DeleteCacheKeysCommand>
{
    public const int MaxKeys = 1000;

    public DeleteCacheKeysCommandValidator()
    {
        RuleFor(c => c.Keys)
            .Must(k => k is { Count: > 0 and <= MaxKeys })
            .WithMessage($"'keys' must be a list of 1 to {MaxKeys} cache keys.")
            .OverridePropertyName("keys");
        RuleForEach(c => c.Keys)
            .Must(k => !string.IsNullOrWhiteSpace(k) && k.Length <= 512)
            .WithMessage("Each cache key must be a non-empty string of at most 512 characters.")
            .OverridePropertyName("keys");
    }
}
