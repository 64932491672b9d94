using LlmPlatform.Domain.Access;

namespace LlmPlatform.Application.Access.Authentication;

/// <summary>The budget and rate limits of one key, user, team, organization or end user, and its spend when it was loaded.</summary>
public sealed record LimitSet
{
    public static LimitSet None { get; } = new();

    public decimal? MaxBudget { get; init; }

    public decimal? SoftBudget { get; init; }

    /// <summary>The budget's reset window; null means the budget never resets.</summary>
    public BudgetDuration? BudgetDuration { get; init; }

    public long? TpmLimit { get; init; }

    public long? RpmLimit { get; init; }

    public int? MaxParallelRequests { get; init; }

    /// <summary>The recorded spend when this was loaded, the starting point of a budget that never resets.</summary>
    public decimal Spend { get; init; }

    public bool IsEmpty => MaxBudget is null && SoftBudget is null && TpmLimit is null && RpmLimit is null && MaxParallelRequests is null;
}
