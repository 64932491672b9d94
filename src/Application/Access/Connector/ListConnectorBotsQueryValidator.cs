using FluentValidation;

namespace LlmPlatform.Application.Access.Connector;

internal sealed class ListConnectorBotsQueryValidator : AbstractValidator<ListConnectorBotsQuery>
{
    public ListConnectorBotsQueryValidator()
    {
        RuleFor(c => c.Paging).SetValidator(new ConnectorPagingValidator());
    }
}
