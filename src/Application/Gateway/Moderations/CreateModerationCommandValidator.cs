using FluentValidation;

namespace LlmPlatform.Application.Gateway.Moderations;

/// <summary>The request's shape; which model the caller may use is the handler's business.</summary>
internal sealed class CreateModerationCommandValidator : AbstractValidator<CreateModerationCommand>
{
    public CreateModerationCommandValidator()
    {
        RuleFor(c => c.Request.Model)
            .NotEmpty().WithMessage("'model' is required.").OverridePropertyName("model");
        RuleFor(c => c.Request.Input)
            .Must(i => ModerationInputs.Texts(i) is not null)
            .WithMessage("'input' must be a string, a non-empty array of strings, or an array of text and image_url parts.")
            .OverridePropertyName("input");
    }
}
