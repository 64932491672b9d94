using LlmPlatform.Application.Access.Connector;
using LlmPlatform.Application.Conversations;
using LlmPlatform.Application.Conversations.ChatRecords;
using LlmPlatform.Infrastructure.Access;
using LlmPlatform.Infrastructure.Connector;
using LlmPlatform.Infrastructure.Persistence;
using Npgsql;

namespace LlmPlatform.Infrastructure.Conversations;

/// <summary>
/// The Connector dialect's chat records in PostgreSQL, with Dapper: conversation sessions of kind <c>chat_record</c>
/// (their integer <c>record_id</c>, the client's session-id in <c>client_key</c>, the key's integer id and running
/// totals) and their <c>conversation_threads</c>.
/// </summary>
internal sealed class ChatRecordStore : IChatRecordStore
{
    /// <summary>
    /// One statement: the owner's session of that session-id, made on first use (its key's integer id looked up then),
    /// else its totals raised; then the thread.
    /// </summary>
    private const string RecordSql = """
        WITH session AS (
            INSERT INTO conversation_sessions
                (session_id, owner, kind, title, metadata, client_key, key_id, total_in_tokens, total_out_tokens, total_fee, created_at, updated_at)
            VALUES (@newId, @owner, @kind, NULLIF(@title, ''), jsonb_build_object('session_id', @SessionKey::text), @SessionKey,
                    (SELECT connector_id FROM virtual_keys WHERE token = @keyHash), @PromptTokens, @CompletionTokens, @Fee, @now, @now)
            ON CONFLICT (owner, kind, client_key) WHERE client_key IS NOT NULL DO UPDATE SET
                title = CASE WHEN @retitle OR conversation_sessions.title IS NULL THEN COALESCE(EXCLUDED.title, conversation_sessions.title)
                             ELSE conversation_sessions.title END,
                key_id = COALESCE(conversation_sessions.key_id, EXCLUDED.key_id),
                total_in_tokens = conversation_sessions.total_in_tokens + EXCLUDED.total_in_tokens,
                total_out_tokens = conversation_sessions.total_out_tokens + EXCLUDED.total_out_tokens,
                total_fee = conversation_sessions.total_fee + EXCLUDED.total_fee,
                updated_at = EXCLUDED.updated_at
            RETURNING session_id)
        INSERT INTO conversation_threads
            (session_id, model, deployment_id, prompt, completion, prompt_tokens, completion_tokens, fee, streamed, request_id, created_at)
        SELECT session_id, @Model, @DeploymentId, @Prompt, @Completion, @PromptTokens, @CompletionTokens, @Fee, @Streamed, @RequestId, @now
        FROM session
        """;

    /// <summary>A scope's records: its owner's sessions, and those of its key's integer id (which survive a new secret).</summary>
    private const string ScopeFilter = """
        s.kind = @kind
          AND (@owner::text IS NULL OR s.owner = @owner OR s.key_id = (SELECT connector_id FROM virtual_keys WHERE token = @keyHash))
        """;

    private const string SessionColumns = """
        SELECT s.record_id AS Id, s.client_key AS SessionKey, s.title AS Title, s.key_id AS KeyId,
               s.total_in_tokens AS TotalInTokens, s.total_out_tokens AS TotalOutTokens, s.total_fee AS TotalFee,
               s.created_at AS CreatedAt, s.updated_at AS UpdatedAt
        FROM conversation_sessions s
        """;

    private const string SessionFilter = " WHERE " + ScopeFilter + """

          AND (@keyId::bigint IS NULL OR s.key_id = @keyId)
          AND (@q::text IS NULL OR s.title ILIKE @q)
        """;

    private const string ThreadFrom = """
         FROM conversation_threads t
         JOIN conversation_sessions s ON s.session_id = t.session_id
        """;

    private const string ThreadColumns = """
        SELECT t.id AS Id, s.record_id AS SessionId, s.key_id AS KeyId, m.connector_id AS ModelId, t.model AS Model,
               t.prompt AS Prompt, t.completion AS Completion, t.prompt_tokens AS PromptTokens,
               t.completion_tokens AS CompletionTokens, t.fee AS Fee, t.created_at AS CreatedAt
        """ + ThreadFrom + """
         LEFT JOIN model_deployments m ON m.model_id = t.deployment_id
        """;

    private const string ThreadFilter = " WHERE " + ScopeFilter + """

          AND (@keyId::bigint IS NULL OR s.key_id = @keyId)
          AND (@sessionId::bigint IS NULL OR s.record_id = @sessionId)
          AND (@q::text IS NULL OR t.prompt ILIKE @q OR t.completion ILIKE @q)
        """;

    private const string Kind = ConversationKinds.ChatRecord;

    private readonly NpgsqlDataSource _dataSource;

    public ChatRecordStore(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource;
    }

    public async Task RecordAsync(string owner, string keyHash, ChatExchange exchange, string title, bool retitle, DateTimeOffset now, CancellationToken cancellationToken) =>
        await _dataSource.ExecuteAsync(
            RecordSql,
            new
            {
                newId = Guid.NewGuid(),
                owner,
                kind = Kind,
                keyHash,
                title,
                retitle,
                now,
                exchange.SessionKey,
                exchange.Model,
                exchange.DeploymentId,
                exchange.Prompt,
                exchange.Completion,
                exchange.PromptTokens,
                exchange.CompletionTokens,
                exchange.Fee,
                exchange.Streamed,
                exchange.RequestId,
            },
            cancellationToken).ConfigureAwait(false);

    public async Task<ConnectorPage<ChatSessionRecord>> ListSessionsAsync(ChatRecordFilter filter, CancellationToken cancellationToken)
    {
        var parameters = Parameters(filter);
        var rows = await _dataSource.QueryListAsync<SessionRow>(SessionColumns + SessionFilter + " ORDER BY s.record_id DESC LIMIT @limit OFFSET @offset", parameters, cancellationToken).ConfigureAwait(false);
        var total = await _dataSource.QuerySingleOrDefaultAsync<int>("SELECT count(*)::int FROM conversation_sessions s" + SessionFilter, parameters, cancellationToken).ConfigureAwait(false);
        return new ConnectorPage<ChatSessionRecord>(rows.Select(r => r.ToRecord()).ToList(), total, filter.Paging.Take, filter.Paging.Skip);
    }

    public async Task<ChatSessionRecord?> FindSessionAsync(long id, ChatRecordScope scope, CancellationToken cancellationToken) =>
        (await _dataSource.QuerySingleOrDefaultAsync<SessionRow>(
            SessionColumns + " WHERE " + ScopeFilter + " AND s.record_id = @id",
            new { id, kind = Kind, owner = scope.Owner, keyHash = scope.KeyHash },
            cancellationToken).ConfigureAwait(false))?.ToRecord();

    public async Task<ConnectorPage<ChatThreadRecord>> ListThreadsAsync(ChatRecordFilter filter, CancellationToken cancellationToken)
    {
        var parameters = Parameters(filter);
        // One session's threads read as the conversation went; any other listing newest first.
        var order = filter.SessionId is null ? " ORDER BY t.id DESC" : " ORDER BY t.id";
        var rows = await _dataSource.QueryListAsync<ThreadRow>(ThreadColumns + ThreadFilter + order + " LIMIT @limit OFFSET @offset", parameters, cancellationToken).ConfigureAwait(false);
        var total = await _dataSource.QuerySingleOrDefaultAsync<int>("SELECT count(*)::int" + ThreadFrom + ThreadFilter, parameters, cancellationToken).ConfigureAwait(false);
        return new ConnectorPage<ChatThreadRecord>(rows.Select(r => r.ToRecord()).ToList(), total, filter.Paging.Take, filter.Paging.Skip);
    }

    public async Task<ChatThreadRecord?> FindThreadAsync(long id, ChatRecordScope scope, CancellationToken cancellationToken) =>
        (await _dataSource.QuerySingleOrDefaultAsync<ThreadRow>(
            ThreadColumns + " WHERE " + ScopeFilter + " AND t.id = @id",
            new { id, kind = Kind, owner = scope.Owner, keyHash = scope.KeyHash },
            cancellationToken).ConfigureAwait(false))?.ToRecord();

    private static object Parameters(ChatRecordFilter filter) => new
    {
        kind = Kind,
        owner = filter.Scope?.Owner,
        keyHash = filter.Scope?.KeyHash,
        keyId = filter.KeyId,
        sessionId = filter.SessionId,
        q = ConnectorStore.Like(filter.Paging.Q),
        limit = filter.Paging.Take,
        offset = filter.Paging.Skip,
    };

    private sealed class SessionRow
    {
        public long Id { get; init; }

        public string SessionKey { get; init; } = string.Empty;

        public string? Title { get; init; }

        public long? KeyId { get; init; }

        public long TotalInTokens { get; init; }

        public long TotalOutTokens { get; init; }

        public decimal TotalFee { get; init; }

        public DateTime CreatedAt { get; init; }

        public DateTime UpdatedAt { get; init; }

        public ChatSessionRecord ToRecord() => new()
        {
            Id = Id,
            Key = SessionKey,
            Title = Title,
            KeyId = KeyId,
            TotalInTokens = TotalInTokens,
            TotalOutTokens = TotalOutTokens,
            TotalFee = TotalFee,
            CreatedAt = Utc.Of(CreatedAt),
            UpdatedAt = Utc.Of(UpdatedAt),
        };
    }

    private sealed class ThreadRow
    {
        public long Id { get; init; }

        public long SessionId { get; init; }

        public long? KeyId { get; init; }

        public long? ModelId { get; init; }

        public string Model { get; init; } = string.Empty;

        public string Prompt { get; init; } = string.Empty;

        public string Completion { get; init; } = string.Empty;

        public long PromptTokens { get; init; }

        public long CompletionTokens { get; init; }

        public decimal Fee { get; init; }

        public DateTime CreatedAt { get; init; }

        public ChatThreadRecord ToRecord() => new()
        {
            Id = Id,
            SessionId = SessionId,
            KeyId = KeyId,
            ModelId = ModelId,
            Model = Model,
            Prompt = Prompt,
            Completion = Completion,
            PromptTokens = PromptTokens,
            CompletionTokens = CompletionTokens,
            Fee = Fee,
            CreatedAt = Utc.Of(CreatedAt),
        };
    }
}
