using LlmPlatform.Application.Access.Connector;

namespace LlmPlatform.Application.Conversations.ChatRecords;

/// <summary>
/// Chat records in the system of record: conversation sessions of kind <see cref="ConversationKinds.ChatRecord"/>
/// with their threads, named by integer ids.
/// </summary>
public interface IChatRecordStore
{
    /// <summary>
    /// Adds the exchange as a thread of the owner's session of that <see cref="ChatExchange.SessionKey"/> (made on first
    /// use), adds its tokens and fee to the session's totals and sets the title (always when
    /// <paramref name="retitle"/>, else only when it has none), all at once.
    /// </summary>
    Task RecordAsync(string owner, string keyHash, ChatExchange exchange, string title, bool retitle, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Sessions, newest first.</summary>
    Task<ConnectorPage<ChatSessionRecord>> ListSessionsAsync(ChatRecordFilter filter, CancellationToken cancellationToken);

    /// <summary>The session within the scope; null when there is none.</summary>
    Task<ChatSessionRecord?> FindSessionAsync(long id, ChatRecordScope scope, CancellationToken cancellationToken);

    /// <summary>Threads, newest first; those of one session in the order they were recorded.</summary>
    Task<ConnectorPage<ChatThreadRecord>> ListThreadsAsync(ChatRecordFilter filter, CancellationToken cancellationToken);

    /// <summary>The thread within the scope; null when there is none.</summary>
    Task<ChatThreadRecord?> FindThreadAsync(long id, ChatRecordScope scope, CancellationToken cancellationToken);
}
