using System.Text.Json;
using FluentValidation;

namespace LlmPlatform.Application.Access.Connector;

internal sealed class SaveConnectorBotCommandValidator : AbstractValidator<SaveConnectorBotCommand>
{
    public SaveConnectorBotCommandValidator()
    {
        RuleFor(c => c.Id).GreaterThan(0).OverridePropertyName("id");
        RuleFor(c => c.Name).NotEmpty().MaximumLength(255).OverridePropertyName("name");
        RuleFor(c => c.Provider).NotEmpty().MaximumLength(64).OverridePropertyName("provider");
        RuleFor(c => c.Config).NotEmpty().MaximumLength(16_384).Must(IsJsonObject)
            .WithMessage("'config' must be a JSON object written as a string, such as {\"appId\": \"...\", \"appSecret\": \"...\", \"apiKey\": \"...\", \"modelId\": \"...\"}.")
            .OverridePropertyName("config");
    }

    internal static bool IsJsonObject(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
