using FluentValidation;
using LlmPlatform.Application.Gateway.Caching;

namespace LlmPlatform.Application.Gateway.Embeddings;

/// <summary>The request's shape; which model the caller may use is the handler's business.</summary>
internal sealed class CreateEmbeddingsCommandValidator : AbstractValidator<CreateEmbeddingsCommand>
{
    public CreateEmbeddingsCommandValidator()
    {
        RuleFor(c => c.Request.Model)
            .NotEmpty().WithMessage("'model' is required.").OverridePropertyName("model");
        RuleFor(c => c.Request.Input)
            .Must(TextInputs.IsValid)
            .WithMessage("'input' must be a string, a non-empty array of strings, an array of token ids, or an array of token-id arrays.")
            .OverridePropertyName("input");
        RuleFor(c => c.Request.EncodingFormat)
            .Must(f => f is null or "float" or "base64")
            .WithMessage("'encoding_format' must be float or base64.").OverridePropertyName("encoding_format");
        RuleFor(c => c.Request.Dimensions).InRange(1, 65536, "dimensions");
        RuleFor(c => c.Request.AdditionalProperties).CacheControl();
    }
}
