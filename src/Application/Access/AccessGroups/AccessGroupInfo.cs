namespace LlmPlatform.Application.Access.AccessGroups;

/// <summary>A named set of models; keys and teams list its name in <c>models</c> to get them all.</summary>
public sealed record AccessGroupInfo
{
    public required string AccessGroup { get; init; }

    /// <summary>The same name, under the field seed 000 identifies a group by.</summary>
    public string GroupId => AccessGroup;

    public IReadOnlyList<string> Models { get; init; } = [];

    public string? DisplayName { get; init; }

    public string? Description { get; init; }

    /// <summary><see cref="AccessGroupDetails.Active"/> or <see cref="AccessGroupDetails.Inactive"/>; stored, not enforced.</summary>
    public string Status { get; init; } = AccessGroupDetails.Active;

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}
