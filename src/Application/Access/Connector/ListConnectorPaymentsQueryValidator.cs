using FluentValidation;

namespace LlmPlatform.Application.Access.Connector;

internal sealed class ListConnectorPaymentsQueryValidator : AbstractValidator<ListConnectorPaymentsQuery>
{
    public ListConnectorPaymentsQueryValidator()
    {
        RuleFor(c => c.Paging).SetValidator(new ConnectorPagingValidator());
        RuleFor(c => c.KeyId).GreaterThan(0).OverridePropertyName("key_id");
    }
}
