using System.Text.Json;

namespace LlmPlatform.Application.Access.Organizations;

/// <summary>The settable fields of an organization, with LiteLLM's names; null means "not given".</summary>
public sealed record OrganizationFields
{
    public string? OrganizationId { get; init; }

    public string? OrganizationAlias { get; init; }

    public IReadOnlyList<string>? Models { get; init; }

    public decimal? MaxBudget { get; init; }

    public decimal? SoftBudget { get; init; }

    public string? BudgetDuration { get; init; }

    public string? BudgetId { get; init; }

    public long? TpmLimit { get; init; }

    public long? RpmLimit { get; init; }

    public int? MaxParallelRequests { get; init; }

    public Dictionary<string, JsonElement>? Metadata { get; init; }
}
