using FluentValidation;

namespace LlmPlatform.Application.Access.Connector;

internal sealed class DeleteConnectorGroupCommandValidator : AbstractValidator<DeleteConnectorGroupCommand>
{
    public DeleteConnectorGroupCommandValidator()
    {
        RuleFor(c => c.Id).NotNull().GreaterThan(0).OverridePropertyName("id");
    }
}
