namespace LlmPlatform.Application.Access.Connector;

/// <summary>A Connector group: a team, named by an integer id.</summary>
public sealed record ConnectorGroup
{
    public required long Id { get; init; }

    public string? Name { get; init; }

    /// <summary>The team underneath, for the admin API.</summary>
    public required string TeamId { get; init; }

    public IReadOnlyList<string> Models { get; init; } = [];

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}
