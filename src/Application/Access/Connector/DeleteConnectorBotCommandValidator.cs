using FluentValidation;

namespace LlmPlatform.Application.Access.Connector;

internal sealed class DeleteConnectorBotCommandValidator : AbstractValidator<DeleteConnectorBotCommand>
{
    public DeleteConnectorBotCommandValidator()
    {
        RuleFor(c => c.Id).NotNull().GreaterThan(0).OverridePropertyName("id");
    }
}
