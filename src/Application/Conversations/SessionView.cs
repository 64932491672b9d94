namespace LlmPlatform.Application.Conversations;

/// <summary>A session with its messages (<c>GET /v1/sessions/{id}</c> and the other single-session answers).</summary>
public sealed record SessionView
{
    public required string Id { get; init; }

    public string Status { get; init; } = "active";

    public string? Title { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? LastUsedAt { get; init; }

    public IReadOnlyList<SessionMessageView> Messages { get; init; } = [];

    public static SessionView Of(ConversationSession session, IReadOnlyList<ConversationMessage> messages) => new()
    {
        Id = session.SessionId.ToString(),
        Title = session.Title,
        CreatedAt = session.CreatedAt,
        LastUsedAt = session.UpdatedAt,
        Messages = messages.Select(m => new SessionMessageView(m.MessageId.ToString(), m.Role, m.Content, m.CreatedAt)).ToList(),
    };
}
