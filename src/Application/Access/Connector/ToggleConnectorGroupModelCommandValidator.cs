using FluentValidation;

namespace LlmPlatform.Application.Access.Connector;

internal sealed class ToggleConnectorGroupModelCommandValidator : AbstractValidator<ToggleConnectorGroupModelCommand>
{
    public ToggleConnectorGroupModelCommandValidator()
    {
        RuleFor(c => c.GroupId).NotNull().GreaterThan(0).OverridePropertyName("group_id");
        RuleFor(c => c.ModelId).NotNull().GreaterThan(0).OverridePropertyName("model_id");
    }
}
