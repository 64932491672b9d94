using FluentValidation;

namespace LlmPlatform.Application.Access.Connector;

internal sealed class ResetConnectorKeyCommandValidator : AbstractValidator<ResetConnectorKeyCommand>
{
    public ResetConnectorKeyCommandValidator()
    {
        RuleFor(c => c.Id).NotNull().GreaterThan(0).OverridePropertyName("id");
    }
}
