using FluentValidation;

namespace LlmPlatform.Application.Access.Connector;

internal sealed class SaveConnectorGroupCommandValidator : AbstractValidator<SaveConnectorGroupCommand>
{
    public SaveConnectorGroupCommandValidator()
    {
        RuleFor(c => c.Id).GreaterThan(0).OverridePropertyName("id");
        RuleFor(c => c.Name).NotEmpty().MaximumLength(255).OverridePropertyName("name");
    }
}
