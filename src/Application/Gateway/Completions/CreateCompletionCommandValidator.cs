using System.Text.Json;
using FluentValidation;

namespace LlmPlatform.Application.Gateway.Completions;

/// <summary>The request's shape; which model the caller may use is the handler's business.</summary>
internal sealed class CreateCompletionCommandValidator : AbstractValidator<CreateCompletionCommand>
{
    public CreateCompletionCommandValidator()
    {
        RuleFor(c => c.Request.Model)
            .NotEmpty().WithMessage("'model' is required.").OverridePropertyName("model");
        RuleFor(c => c.Request.Prompt)
            .Must(TextInputs.IsValid)
            .WithMessage("'prompt' must be a string, a non-empty array of strings, an array of token ids, or an array of token-id arrays.")
            .OverridePropertyName("prompt");
        RuleFor(c => c.Request.MaxTokens).Positive("max_tokens");
        RuleFor(c => c.Request.Temperature).InRange(0, 2, "temperature");
        RuleFor(c => c.Request.TopP).InRange(0, 1, "top_p");
        RuleFor(c => c.Request.N).InRange(1, 128, "n");
        RuleFor(c => c.Request.Logprobs).InRange(0, 5, "logprobs");
        RuleFor(c => c.Request.Stop)
            .Must(s => s is null || s.Value.ValueKind is JsonValueKind.String or JsonValueKind.Null
                || (s.Value.ValueKind == JsonValueKind.Array && s.Value.GetArrayLength() <= 4 && s.Value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String)))
            .WithMessage("'stop' must be a string or an array of up to 4 strings.").OverridePropertyName("stop");
    }
}
