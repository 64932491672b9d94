namespace LlmPlatform.Api.Controllers.Saas;

/// <summary>One model of an access group, as the SaaS dialect lists it.</summary>
public sealed record ModelAliasSummary
{
    public required string ModelAlias { get; init; }

    public required string DisplayName { get; init; }

    public required string Provider { get; init; }

    public required string ActualModel { get; init; }
}
