using FluentValidation;

namespace LlmPlatform.Application.Access.Connector;

internal sealed class ListConnectorGroupModelsQueryValidator : AbstractValidator<ListConnectorGroupModelsQuery>
{
    public ListConnectorGroupModelsQueryValidator()
    {
        RuleFor(c => c.GroupId).NotNull().GreaterThan(0).OverridePropertyName("group_id");
    }
}
