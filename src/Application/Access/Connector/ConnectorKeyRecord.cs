namespace LlmPlatform.Application.Access.Connector;

/// <summary>A virtual key as the Connector dialect sees it: the key, its user and its team, joined by the store.</summary>
public sealed record ConnectorKeyRecord
{
    public required long Id { get; init; }

    public required string Token { get; init; }

    public string? UserId { get; init; }

    public string? TeamId { get; init; }

    public string? Name { get; init; }

    public string? Email { get; init; }

    public string? UserRole { get; init; }

    public long? GroupId { get; init; }

    public string? GroupName { get; init; }

    public decimal MonthQuota { get; init; }

    public decimal Balance { get; init; }

    public decimal Spend { get; init; }

    public IReadOnlyList<string> Models { get; init; } = [];

    public bool MadeByConnector { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}
