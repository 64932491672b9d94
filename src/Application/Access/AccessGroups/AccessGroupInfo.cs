namespace LlmPlatform.Application.Access.AccessGroups;

/// <summary>A named set of models; keys and teams list its name in <c>models</c> to get them all.</summary>
public sealed record AccessGroupInfo
{
    public required string AccessGroup { get; init; }

    public IReadOnlyList<string> Models { get; init; } = [];

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}
