using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Access.Connector;
using LlmPlatform.Domain.Common;
using MediatR;
using Unit = LlmPlatform.Domain.Common.Unit;

namespace LlmPlatform.Application.Conversations.ChatRecords;

/// <summary>
/// The Connector dialect's chat records (seed 004). A chat completion sent with a <c>session-id</c> header is recorded
/// in the key's session of that id (a conversation session of kind <see cref="ConversationKinds.ChatRecord"/> owned by
/// <c>key:&lt;hash&gt;</c>) as a thread. Admin keys read every key's records; any key reads its own, and another key's
/// id is not found.
/// </summary>
internal sealed class ChatRecordHandler :
    IRequestHandler<RecordChatExchangeCommand, Result<Unit>>,
    IRequestHandler<ListChatSessionsQuery, Result<ConnectorPage<ChatSessionRecord>>>,
    IRequestHandler<GetChatSessionQuery, Result<ChatSessionRecord>>,
    IRequestHandler<ListChatThreadsQuery, Result<ConnectorPage<ChatThreadRecord>>>,
    IRequestHandler<GetChatThreadQuery, Result<ChatThreadRecord>>
{
    private readonly IChatRecordStore _store;
    private readonly TimeProvider _time;

    public ChatRecordHandler(IChatRecordStore store, TimeProvider time)
    {
        _store = store;
        _time = time;
    }

    /// <summary>
    /// The session's title is the start of the answer: of every whole answer (BRClient asks for a session's title
    /// with one), of a streamed one only while the session has none.
    /// </summary>
    public async Task<Result<Unit>> Handle(RecordChatExchangeCommand request, CancellationToken cancellationToken)
    {
        var exchange = request.Exchange;
        var scope = ScopeOf(request.Caller);
        await _store.RecordAsync(scope.Owner, scope.KeyHash, exchange, TitleOf(exchange.Completion), retitle: !exchange.Streamed, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return Unit.Value;
    }

    public async Task<Result<ConnectorPage<ChatSessionRecord>>> Handle(ListChatSessionsQuery request, CancellationToken cancellationToken)
    {
        if (!request.Own && !request.Caller.IsAdmin)
        {
            return ConnectorErrors.NotAdmin();
        }

        var filter = new ChatRecordFilter(request.Paging, request.Own ? ScopeOf(request.Caller) : null, request.KeyId, null);
        return await _store.ListSessionsAsync(filter, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Result<ChatSessionRecord>> Handle(GetChatSessionQuery request, CancellationToken cancellationToken) =>
        await _store.FindSessionAsync(request.Id, ScopeOf(request.Caller), cancellationToken).ConfigureAwait(false) is { } session
            ? session
            : ChatRecordErrors.SessionNotFound(request.Id);

    public async Task<Result<ConnectorPage<ChatThreadRecord>>> Handle(ListChatThreadsQuery request, CancellationToken cancellationToken)
    {
        if (!request.Own && !request.Caller.IsAdmin)
        {
            return ConnectorErrors.NotAdmin();
        }

        var filter = new ChatRecordFilter(request.Paging, request.Own ? ScopeOf(request.Caller) : null, request.KeyId, request.SessionId);
        return await _store.ListThreadsAsync(filter, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Result<ChatThreadRecord>> Handle(GetChatThreadQuery request, CancellationToken cancellationToken) =>
        await _store.FindThreadAsync(request.Id, ScopeOf(request.Caller), cancellationToken).ConfigureAwait(false) is { } thread
            ? thread
            : ChatRecordErrors.ThreadNotFound(request.Id);

    /// <summary>Chat records belong to the key, whatever user or team it has.</summary>
    private static ChatRecordScope ScopeOf(CallerIdentity caller) => new("key:" + caller.KeyHash, caller.KeyHash);

    private static string TitleOf(string answer)
    {
        var title = answer.Trim();
        if (title.Length <= ChatRecordRules.TitleLength)
        {
            return title;
        }

        // Never half a surrogate pair.
        var length = char.IsHighSurrogate(title[ChatRecordRules.TitleLength - 1]) ? ChatRecordRules.TitleLength - 1 : ChatRecordRules.TitleLength;
        return title[..length];
    }
}
