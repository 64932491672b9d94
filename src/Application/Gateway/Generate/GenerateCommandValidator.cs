using FluentValidation;

namespace LlmPlatform.Application.Gateway.Generate;

internal sealed class GenerateCommandValidator : AbstractValidator<GenerateCommand>
{
    public GenerateCommandValidator()
    {
        RuleFor(c => c.Model).NotEmpty().MaximumLength(256).OverridePropertyName("model");
        RuleFor(c => c.Modality).NotEmpty().Must(m => m is null or "text")
            .WithMessage("Only the 'text' modality is supported on this gateway.").OverridePropertyName("modality");
        RuleFor(c => c.Prompt).NotEmpty().OverridePropertyName("input.prompt");
        RuleFor(c => c.Temperature).InclusiveBetween(0, 2).OverridePropertyName("parameters.temperature");
        RuleFor(c => c.MaxTokens).GreaterThanOrEqualTo(1).OverridePropertyName("parameters.max_tokens");
        RuleFor(c => c.TopP).InclusiveBetween(0, 1).OverridePropertyName("parameters.top_p");
    }
}
