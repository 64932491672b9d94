using System.Text.Json;

namespace LlmPlatform.Application.Access.Organizations;

/// <summary>A stored organization with its members.</summary>
public sealed record OrganizationInfo
{
    public required string OrganizationId { get; init; }

    public required string OrganizationAlias { get; init; }

    public IReadOnlyList<string> Models { get; init; } = [];

    public decimal? MaxBudget { get; init; }

    public decimal? SoftBudget { get; init; }

    public string? BudgetDuration { get; init; }

    public string? BudgetId { get; init; }

    public long? TpmLimit { get; init; }

    public long? RpmLimit { get; init; }

    public int? MaxParallelRequests { get; init; }

    public decimal Spend { get; init; }

    public Dictionary<string, JsonElement> Metadata { get; init; } = [];

    public IReadOnlyList<OrganizationMember> Members { get; init; } = [];

    public IReadOnlyList<string> Teams { get; init; } = [];

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public bool IsAdmin(string? userId) =>
        userId is not null && Members.Any(m => m.UserId == userId && m.Role == Authentication.Roles.OrganizationAdmin);

    public bool IsMember(string? userId) => userId is not null && Members.Any(m => m.UserId == userId);
}
