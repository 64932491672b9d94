using FluentValidation;

namespace LlmPlatform.Application.Gateway.Images;

/// <summary>The request's shape; which model the caller may use is the handler's business.</summary>
internal sealed class CreateImageCommandValidator : AbstractValidator<CreateImageCommand>
{
    public CreateImageCommandValidator()
    {
        RuleFor(c => c.Request.Model)
            .NotEmpty().WithMessage("'model' is required.").OverridePropertyName("model");
        RuleFor(c => c.Request.Prompt)
            .NotEmpty().WithMessage("'prompt' is required.").OverridePropertyName("prompt");
        RuleFor(c => c.Request.N).InRange(1, 10, "n");
        RuleFor(c => c.Request.ResponseFormat)
            .Must(f => f is null or "url" or "b64_json")
            .WithMessage("'response_format' must be url or b64_json.").OverridePropertyName("response_format");
        RuleFor(c => c.Request.Size)
            .Matches("^(auto|[0-9]{2,5}x[0-9]{2,5})$").When(c => c.Request.Size is not null)
            .WithMessage("'size' must look like 1024x1024 (or auto).").OverridePropertyName("size");
    }
}
