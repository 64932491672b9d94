using FluentValidation;

namespace LlmPlatform.Application.Access.Connector;

internal sealed class ListConnectorKeyModelsQueryValidator : AbstractValidator<ListConnectorKeyModelsQuery>
{
    public ListConnectorKeyModelsQueryValidator()
    {
        RuleFor(c => c.KeyId).GreaterThan(0).OverridePropertyName("key_id");
    }
}
