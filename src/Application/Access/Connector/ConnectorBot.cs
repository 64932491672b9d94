namespace LlmPlatform.Application.Access.Connector;

/// <summary>A Feishu bot webhook; <see cref="Config"/> is the JSON string given, decrypted (the handler masks its secrets).</summary>
public sealed record ConnectorBot
{
    public required long Id { get; init; }

    public required string Name { get; init; }

    public required string Provider { get; init; }

    public required string Config { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}
