using LlmPlatform.Domain.Common;
using MediatR;
using Unit = LlmPlatform.Domain.Common.Unit;

namespace LlmPlatform.Application.Conversations;

/// <summary>
/// The session use cases of the gateway-user dialect. A session belongs to the caller's owner (its user, else its team,
/// else its key): another owner's session, like an unknown or malformed id, is not found.
/// </summary>
internal sealed class SessionHandler :
    IRequestHandler<CreateSessionCommand, Result<SessionView>>,
    IRequestHandler<ListSessionsQuery, Result<SessionList>>,
    IRequestHandler<GetSessionQuery, Result<SessionView>>,
    IRequestHandler<UpdateSessionCommand, Result<SessionView>>,
    IRequestHandler<DeleteSessionCommand, Result<SessionDeleted>>,
    IRequestHandler<ResetSessionCommand, Result<SessionView>>,
    IRequestHandler<AppendSessionTurnCommand, Result<Unit>>
{
    private const string Kind = ConversationKinds.Session;

    private readonly IConversationStore _store;
    private readonly TimeProvider _time;

    public SessionHandler(IConversationStore store, TimeProvider time)
    {
        _store = store;
        _time = time;
    }

    public async Task<Result<SessionView>> Handle(CreateSessionCommand request, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var session = new ConversationSession
        {
            SessionId = Guid.NewGuid(),
            Owner = request.Caller.Owner,
            Title = request.Title,
            CreatedAt = now,
            UpdatedAt = now,
        };
        await _store.InsertAsync(session, cancellationToken).ConfigureAwait(false);
        return SessionView.Of(session, []);
    }

    public async Task<Result<SessionList>> Handle(ListSessionsQuery request, CancellationToken cancellationToken)
    {
        var sessions = await _store.ListAsync(request.Caller.Owner, Kind, SessionRules.ListLimit, cancellationToken).ConfigureAwait(false);
        return new SessionList(sessions.Select(s => new SessionSummary(s.SessionId.ToString(), s.Title, s.CreatedAt, s.UpdatedAt)).ToList());
    }

    public async Task<Result<SessionView>> Handle(GetSessionQuery request, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(request.SessionId, out var id)
            || await _store.FindAsync(id, request.Caller.Owner, Kind, cancellationToken).ConfigureAwait(false) is not { } session)
        {
            return ConversationErrors.SessionNotFound(request.SessionId);
        }

        var messages = await _store.ListMessagesAsync(id, cancellationToken).ConfigureAwait(false);
        return SessionView.Of(session, messages);
    }

    public async Task<Result<SessionView>> Handle(UpdateSessionCommand request, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(request.SessionId, out var id)
            || await _store.RenameAsync(id, request.Caller.Owner, Kind, request.Title, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false) is not { } session)
        {
            return ConversationErrors.SessionNotFound(request.SessionId);
        }

        var messages = await _store.ListMessagesAsync(id, cancellationToken).ConfigureAwait(false);
        return SessionView.Of(session, messages);
    }

    public async Task<Result<SessionDeleted>> Handle(DeleteSessionCommand request, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(request.SessionId, out var id)
            || !await _store.DeleteAsync(id, request.Caller.Owner, Kind, cancellationToken).ConfigureAwait(false))
        {
            return ConversationErrors.SessionNotFound(request.SessionId);
        }

        return new SessionDeleted(id.ToString(), true);
    }

    public async Task<Result<SessionView>> Handle(ResetSessionCommand request, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(request.SessionId, out var id)
            || !await _store.ClearAsync(id, request.Caller.Owner, Kind, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false)
            || await _store.FindAsync(id, request.Caller.Owner, Kind, cancellationToken).ConfigureAwait(false) is not { } session)
        {
            return ConversationErrors.SessionNotFound(request.SessionId);
        }

        return SessionView.Of(session, []);
    }

    public async Task<Result<Unit>> Handle(AppendSessionTurnCommand request, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(request.SessionId, out var id)
            || await _store.FindAsync(id, request.Caller.Owner, Kind, cancellationToken).ConfigureAwait(false) is null)
        {
            return ConversationErrors.SessionNotFound(request.SessionId);
        }

        var now = _time.GetUtcNow();
        ConversationMessage[] turn =
        [
            new() { MessageId = Guid.NewGuid(), Role = "user", Content = request.Prompt, Model = request.Model, RequestId = request.RequestId, CreatedAt = now },
            new() { MessageId = Guid.NewGuid(), Role = "assistant", Content = request.Answer, Model = request.Model, RequestId = request.RequestId, CreatedAt = now },
        ];
        await _store.AppendAsync(id, turn, now, cancellationToken).ConfigureAwait(false);
        return Unit.Value;
    }
}
