namespace LlmPlatform.Application.Conversations;

/// <summary>
/// A stored conversation: its owner (<see cref="Access.Authentication.CallerIdentity.Owner"/>), a kind that lets
/// each dialect keep its own sessions (and threads, through <see cref="ParentId"/>) apart, and a title.
/// </summary>
public sealed record ConversationSession
{
    public required Guid SessionId { get; init; }

    public required string Owner { get; init; }

    public string Kind { get; init; } = ConversationKinds.Session;

    public Guid? ParentId { get; init; }

    public string? Title { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}
