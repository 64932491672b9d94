using FluentValidation;
using LlmPlatform.Application.Access.Connector;

namespace LlmPlatform.Application.Catalog.Connector;

internal sealed class ListConnectorModelsQueryValidator : AbstractValidator<ListConnectorModelsQuery>
{
    public ListConnectorModelsQueryValidator()
    {
        RuleFor(c => c.Paging).SetValidator(new ConnectorPagingValidator());
    }
}
