using System.Text.Json;

namespace LlmPlatform.Application.Access.Users;

/// <summary>The settable fields of a user, with LiteLLM's names; null means "not given".</summary>
public sealed record UserFields
{
    public string? UserId { get; init; }

    public string? UserEmail { get; init; }

    public string? UserAlias { get; init; }

    public string? UserRole { get; init; }

    public IReadOnlyList<string>? Models { get; init; }

    public decimal? MaxBudget { get; init; }

    public decimal? SoftBudget { get; init; }

    public string? BudgetDuration { get; init; }

    public string? BudgetId { get; init; }

    public long? TpmLimit { get; init; }

    public long? RpmLimit { get; init; }

    public int? MaxParallelRequests { get; init; }

    public Dictionary<string, JsonElement>? Metadata { get; init; }

    /// <summary><c>/user/new</c> only: teams to join as a member.</summary>
    public IReadOnlyList<string>? Teams { get; init; }

    /// <summary><c>/user/new</c> only: whether to create a first key for the user (default true).</summary>
    public bool? AutoCreateKey { get; init; }
}
