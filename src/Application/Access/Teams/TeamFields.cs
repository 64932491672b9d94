using System.Text.Json;

namespace LlmPlatform.Application.Access.Teams;

/// <summary>The settable fields of a team, with LiteLLM's names; null means "not given".</summary>
public sealed record TeamFields
{
    public string? TeamId { get; init; }

    public string? TeamAlias { get; init; }

    public string? OrganizationId { get; init; }

    public IReadOnlyList<string>? Models { get; init; }

    public decimal? MaxBudget { get; init; }

    public decimal? SoftBudget { get; init; }

    public string? BudgetDuration { get; init; }

    public string? BudgetId { get; init; }

    public long? TpmLimit { get; init; }

    public long? RpmLimit { get; init; }

    public int? MaxParallelRequests { get; init; }

    public bool? Blocked { get; init; }

    public Dictionary<string, JsonElement>? Metadata { get; init; }

    /// <summary><c>/team/new</c> only: the first members.</summary>
    public IReadOnlyList<TeamMember>? MembersWithRoles { get; init; }
}
