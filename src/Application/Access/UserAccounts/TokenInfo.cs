namespace LlmPlatform.Application.Access.UserAccounts;

/// <summary>A personal API token without its secret: its id is the key's hash, which the admin API calls its token.</summary>
public sealed record TokenInfo
{
    public required string Id { get; init; }

    public string? Name { get; init; }

    public IReadOnlyList<string> Scopes { get; init; } = [];

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? LastUsedAt { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }
}
