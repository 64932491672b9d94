using System.Text.Json;

namespace LlmPlatform.Application.Access.Users;

/// <summary>A stored user.</summary>
public sealed record UserInfo
{
    public required string UserId { get; init; }

    public string? UserEmail { get; init; }

    public string? UserAlias { get; init; }

    public string UserRole { get; init; } = Authentication.Roles.InternalUser;

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

    public IReadOnlyList<string> Teams { get; init; } = [];

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}
