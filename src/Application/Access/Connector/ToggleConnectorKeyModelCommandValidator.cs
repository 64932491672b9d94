using FluentValidation;

namespace LlmPlatform.Application.Access.Connector;

internal sealed class ToggleConnectorKeyModelCommandValidator : AbstractValidator<ToggleConnectorKeyModelCommand>
{
    public ToggleConnectorKeyModelCommandValidator()
    {
        RuleFor(c => c.KeyId).NotNull().GreaterThan(0).OverridePropertyName("key_id");
        RuleFor(c => c.ModelId).NotNull().GreaterThan(0).OverridePropertyName("model_id");
    }
}
