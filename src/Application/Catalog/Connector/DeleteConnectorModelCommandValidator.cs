using FluentValidation;

namespace LlmPlatform.Application.Catalog.Connector;

internal sealed class DeleteConnectorModelCommandValidator : AbstractValidator<DeleteConnectorModelCommand>
{
    public DeleteConnectorModelCommandValidator()
    {
        RuleFor(c => c.Id).NotNull().GreaterThan(0).OverridePropertyName("id");
    }
}
