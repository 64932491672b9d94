using Dapper;
using LlmPlatform.Application.Conversations;
using LlmPlatform.Infrastructure.Access;
using LlmPlatform.Infrastructure.Persistence;
using Npgsql;

namespace LlmPlatform.Infrastructure.Conversations;

/// <summary>Conversations and their messages in PostgreSQL, with Dapper; every statement is scoped to one owner and kind.</summary>
internal sealed class ConversationStore : IConversationStore
{
    private const string SessionColumns = """
        session_id AS SessionId, owner AS Owner, kind AS Kind, parent_id AS ParentId, title AS Title,
        created_at AS CreatedAt, updated_at AS UpdatedAt
        """;

    private const string InsertSql = """
        INSERT INTO conversation_sessions (session_id, owner, kind, parent_id, title, created_at, updated_at)
        VALUES (@SessionId, @Owner, @Kind, @ParentId, @Title, @CreatedAt, @UpdatedAt)
        """;

    private const string FindSql = "SELECT " + SessionColumns + " FROM conversation_sessions WHERE session_id = @sessionId AND owner = @owner AND kind = @kind";

    private const string ListSql = "SELECT " + SessionColumns + " FROM conversation_sessions WHERE owner = @owner AND kind = @kind ORDER BY updated_at DESC, session_id LIMIT @limit";

    private const string RenameSql = "UPDATE conversation_sessions SET title = @title, updated_at = @now WHERE session_id = @sessionId AND owner = @owner AND kind = @kind RETURNING " + SessionColumns;

    private const string DeleteSql = "DELETE FROM conversation_sessions WHERE session_id = @sessionId AND owner = @owner AND kind = @kind";

    private const string ClearSql = """
        WITH owned AS (
            UPDATE conversation_sessions SET updated_at = @now
            WHERE session_id = @sessionId AND owner = @owner AND kind = @kind
            RETURNING session_id),
        cleared AS (DELETE FROM conversation_messages WHERE session_id IN (SELECT session_id FROM owned))
        SELECT count(*)::int FROM owned
        """;

    private const string MessagesSql = """
        SELECT message_id AS MessageId, role AS Role, content AS Content, model AS Model, request_id AS RequestId, created_at AS CreatedAt
        FROM conversation_messages WHERE session_id = @sessionId ORDER BY seq
        """;

    private const string AppendSql = """
        INSERT INTO conversation_messages (message_id, session_id, role, content, model, request_id, created_at)
        VALUES (@MessageId, @SessionId, @Role, @Content, @Model, @RequestId, @CreatedAt)
        """;

    private const string TouchSql = "UPDATE conversation_sessions SET updated_at = @now WHERE session_id = @sessionId";

    private readonly NpgsqlDataSource _dataSource;

    public ConversationStore(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource;
    }

    public async Task InsertAsync(ConversationSession session, CancellationToken cancellationToken) =>
        await _dataSource.ExecuteAsync(
            InsertSql,
            new { session.SessionId, session.Owner, session.Kind, session.ParentId, session.Title, session.CreatedAt, session.UpdatedAt },
            cancellationToken).ConfigureAwait(false);

    public async Task<ConversationSession?> FindAsync(Guid sessionId, string owner, string kind, CancellationToken cancellationToken) =>
        (await _dataSource.QuerySingleOrDefaultAsync<SessionRow>(FindSql, new { sessionId, owner, kind }, cancellationToken).ConfigureAwait(false))?.ToSession();

    public async Task<IReadOnlyList<ConversationSession>> ListAsync(string owner, string kind, int limit, CancellationToken cancellationToken) =>
        (await _dataSource.QueryListAsync<SessionRow>(ListSql, new { owner, kind, limit }, cancellationToken).ConfigureAwait(false)).Select(r => r.ToSession()).ToList();

    public async Task<ConversationSession?> RenameAsync(Guid sessionId, string owner, string kind, string? title, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await _dataSource.QuerySingleOrDefaultAsync<SessionRow>(RenameSql, new { sessionId, owner, kind, title, now }, cancellationToken).ConfigureAwait(false))?.ToSession();

    public async Task<bool> DeleteAsync(Guid sessionId, string owner, string kind, CancellationToken cancellationToken) =>
        await _dataSource.ExecuteAsync(DeleteSql, new { sessionId, owner, kind }, cancellationToken).ConfigureAwait(false) == 1;

    public async Task<bool> ClearAsync(Guid sessionId, string owner, string kind, DateTimeOffset now, CancellationToken cancellationToken) =>
        await _dataSource.QuerySingleOrDefaultAsync<int>(ClearSql, new { sessionId, owner, kind, now }, cancellationToken).ConfigureAwait(false) == 1;

    public async Task<IReadOnlyList<ConversationMessage>> ListMessagesAsync(Guid sessionId, CancellationToken cancellationToken) =>
        (await _dataSource.QueryListAsync<MessageRow>(MessagesSql, new { sessionId }, cancellationToken).ConfigureAwait(false)).Select(r => r.ToMessage()).ToList();

    public async Task AppendAsync(Guid sessionId, IReadOnlyList<ConversationMessage> messages, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var m in messages)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                AppendSql,
                new { m.MessageId, SessionId = sessionId, m.Role, m.Content, m.Model, m.RequestId, m.CreatedAt },
                transaction,
                cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        await connection.ExecuteAsync(new CommandDefinition(TouchSql, new { sessionId, now }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private sealed record SessionRow
    {
        public Guid SessionId { get; init; }

        public string Owner { get; init; } = string.Empty;

        public string Kind { get; init; } = string.Empty;

        public Guid? ParentId { get; init; }

        public string? Title { get; init; }

        public DateTime CreatedAt { get; init; }

        public DateTime UpdatedAt { get; init; }

        public ConversationSession ToSession() => new()
        {
            SessionId = SessionId,
            Owner = Owner,
            Kind = Kind,
            ParentId = ParentId,
            Title = Title,
            CreatedAt = Utc.Of(CreatedAt),
            UpdatedAt = Utc.Of(UpdatedAt),
        };
    }

    private sealed record MessageRow
    {
        public Guid MessageId { get; init; }

        public string Role { get; init; } = string.Empty;

        public string Content { get; init; } = string.Empty;

        public string? Model { get; init; }

        public string? RequestId { get; init; }

        public DateTime CreatedAt { get; init; }

        public ConversationMessage ToMessage() => new()
        {
            MessageId = MessageId,
            Role = Role,
            Content = Content,
            Model = Model,
            RequestId = RequestId,
            CreatedAt = Utc.Of(CreatedAt),
        };
    }
}
