namespace LlmPlatform.Application.Access.EndUsers;

/// <summary>The settable fields of an end user, with LiteLLM's names; null means "not given".</summary>
public sealed record EndUserFields
{
    public string? UserId { get; init; }

    public string? Alias { get; init; }

    public bool? Blocked { get; init; }

    public decimal? MaxBudget { get; init; }

    public decimal? SoftBudget { get; init; }

    public string? BudgetDuration { get; init; }

    public string? BudgetId { get; init; }

    public string? AllowedModelRegion { get; init; }

    public string? DefaultModel { get; init; }
}
