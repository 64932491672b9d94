namespace LlmPlatform.Application.Access.EndUsers;

/// <summary>An end user (customer): who a request is made for, named by the request's <c>user</c> field.</summary>
public sealed record EndUserInfo
{
    public required string UserId { get; init; }

    public string? Alias { get; init; }

    public bool Blocked { get; init; }

    public decimal? MaxBudget { get; init; }

    public decimal? SoftBudget { get; init; }

    public string? BudgetDuration { get; init; }

    public string? BudgetId { get; init; }

    public string? AllowedModelRegion { get; init; }

    public string? DefaultModel { get; init; }

    public decimal Spend { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}
