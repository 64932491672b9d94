using FluentValidation;

namespace LlmPlatform.Application.Access.Connector;

internal sealed class ListConnectorGroupsQueryValidator : AbstractValidator<ListConnectorGroupsQuery>
{
    public ListConnectorGroupsQueryValidator()
    {
        RuleFor(c => c.Paging).SetValidator(new ConnectorPagingValidator());
    }
}
