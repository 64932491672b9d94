using FluentValidation;

namespace LlmPlatform.Application.Catalog.Connector;

internal sealed class SaveConnectorModelCommandValidator : AbstractValidator<SaveConnectorModelCommand>
{
    public SaveConnectorModelCommandValidator()
    {
        RuleFor(c => c.Id).GreaterThan(0).OverridePropertyName("id");
        RuleFor(c => c.Name).NotEmpty().When(c => c.Id is null || c.Name is not null).MaximumLength(255).OverridePropertyName("name");
        RuleFor(c => c.Provider).NotEmpty().When(c => c.Id is null).Must(p => p is null || ConnectorProviders.All.Contains(p))
            .WithMessage($"'provider' must be one of: {string.Join(", ", ConnectorProviders.All)}.").OverridePropertyName("provider");
        RuleFor(c => c.Config).MaximumLength(16_384).OverridePropertyName("config");
        RuleFor(c => c.GroupId).GreaterThanOrEqualTo(0).OverridePropertyName("group_id");
        RuleFor(c => c.PriceIn).GreaterThanOrEqualTo(0).LessThan(1_000_000m).OverridePropertyName("price_in");
        RuleFor(c => c.PriceOut).GreaterThanOrEqualTo(0).LessThan(1_000_000m).OverridePropertyName("price_out");
    }
}
