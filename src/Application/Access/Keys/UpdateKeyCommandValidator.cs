using FluentValidation;

namespace LlmPlatform.Application.Access.Keys;

/// <summary>An update names its key.</summary>
internal sealed class UpdateKeyCommandValidator : AbstractValidator<UpdateKeyCommand>
{
    public UpdateKeyCommandValidator()
    {
        RuleFor(c => c.Key).NotEmpty().WithMessage("'key' is required.").OverridePropertyName("key");
    }
}
