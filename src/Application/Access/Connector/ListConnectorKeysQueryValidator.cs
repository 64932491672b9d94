using FluentValidation;

namespace LlmPlatform.Application.Access.Connector;

internal sealed class ListConnectorKeysQueryValidator : AbstractValidator<ListConnectorKeysQuery>
{
    public ListConnectorKeysQueryValidator()
    {
        RuleFor(c => c.Paging).SetValidator(new ConnectorPagingValidator());
        RuleFor(c => c.Role).Must(r => r is null || ConnectorRoles.IsKnown(r)).WithMessage("'role' must be 'user' or 'admin'.").OverridePropertyName("role");
        RuleFor(c => c.GroupId).GreaterThanOrEqualTo(0).OverridePropertyName("group_id");
        RuleFor(c => c.Name).MaximumLength(255).OverridePropertyName("name");
    }
}
