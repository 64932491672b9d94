using System.Text.Json;

namespace LlmPlatform.Application.Access.Teams;

/// <summary>A stored team with its members.</summary>
public record TeamInfo
{
    public required string TeamId { get; init; }

    public string? TeamAlias { get; init; }

    public string? OrganizationId { get; init; }

    public IReadOnlyList<string> Models { get; init; } = [];

    public decimal? MaxBudget { get; init; }

    public decimal? SoftBudget { get; init; }

    public string? BudgetDuration { get; init; }

    public string? BudgetId { get; init; }

    public long? TpmLimit { get; init; }

    public long? RpmLimit { get; init; }

    public int? MaxParallelRequests { get; init; }

    public decimal Spend { get; init; }

    public bool Blocked { get; init; }

    public Dictionary<string, JsonElement> Metadata { get; init; } = [];

    public IReadOnlyList<TeamMember> MembersWithRoles { get; init; } = [];

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public bool IsAdmin(string? userId) =>
        userId is not null && MembersWithRoles.Any(m => m.UserId == userId && m.Role == Authentication.Roles.TeamAdmin);

    public bool IsMember(string? userId) => userId is not null && MembersWithRoles.Any(m => m.UserId == userId);
}
