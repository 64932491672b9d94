using FluentValidation;

namespace LlmPlatform.Application.Access.Connector;

internal sealed class RechargeConnectorKeyCommandValidator : AbstractValidator<RechargeConnectorKeyCommand>
{
    public RechargeConnectorKeyCommandValidator()
    {
        RuleFor(c => c.Id).NotNull().When(c => string.IsNullOrEmpty(c.ApiKey)).WithMessage("'api_key' or 'id' is required.").OverridePropertyName("id");
        RuleFor(c => c.Id).GreaterThan(0).OverridePropertyName("id");
        RuleFor(c => c.Balance).NotNull().GreaterThan(0).LessThan(1_000_000_000m).OverridePropertyName("balance");
    }
}
