using FluentValidation;

namespace LlmPlatform.Application.Access.Connector;

internal sealed class ConnectorPagingValidator : AbstractValidator<ConnectorPaging>
{
    public ConnectorPagingValidator()
    {
        RuleFor(p => p.Limit).InclusiveBetween(1, ConnectorPaging.MaxLimit).OverridePropertyName("limit");
        RuleFor(p => p.Offset).GreaterThanOrEqualTo(0).OverridePropertyName("offset");
        RuleFor(p => p.Q).MaximumLength(255).OverridePropertyName("q");
    }
}
