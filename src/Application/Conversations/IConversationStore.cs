namespace LlmPlatform.Application.Conversations;

/// <summary>Conversations and their messages in the system of record; every read and change is scoped to one owner.</summary>
public interface IConversationStore
{
    Task InsertAsync(ConversationSession session, CancellationToken cancellationToken);

    Task<ConversationSession?> FindAsync(Guid sessionId, string owner, string kind, CancellationToken cancellationToken);

    /// <summary>The owner's conversations of a kind, the most recently used first.</summary>
    Task<IReadOnlyList<ConversationSession>> ListAsync(string owner, string kind, int limit, CancellationToken cancellationToken);

    /// <summary>Sets the title; null when the owner has no such conversation.</summary>
    Task<ConversationSession?> RenameAsync(Guid sessionId, string owner, string kind, string? title, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Deletes the conversation with its messages; false when the owner has no such conversation.</summary>
    Task<bool> DeleteAsync(Guid sessionId, string owner, string kind, CancellationToken cancellationToken);

    /// <summary>Deletes the conversation's messages, keeping it; false when the owner has no such conversation.</summary>
    Task<bool> ClearAsync(Guid sessionId, string owner, string kind, DateTimeOffset now, CancellationToken cancellationToken);

    Task<IReadOnlyList<ConversationMessage>> ListMessagesAsync(Guid sessionId, CancellationToken cancellationToken);

    /// <summary>Adds messages at the end of the conversation and marks it used.</summary>
    Task AppendAsync(Guid sessionId, IReadOnlyList<ConversationMessage> messages, DateTimeOffset now, CancellationToken cancellationToken);
}
