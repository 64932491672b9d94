using FluentValidation;

namespace LlmPlatform.Application.Access.Connector;

internal sealed class DeleteConnectorKeyCommandValidator : AbstractValidator<DeleteConnectorKeyCommand>
{
    public DeleteConnectorKeyCommandValidator()
    {
        RuleFor(c => c.Id).NotNull().GreaterThan(0).OverridePropertyName("id");
    }
}
