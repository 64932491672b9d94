using LlmPlatform.Application.Access.Connector;
using LlmPlatform.Application.Conversations.ChatRecords;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace LlmPlatform.Api.Controllers.Connector;

/// <summary>
/// The Connector dialect's chat records (seed 004): chat completions sent with a <c>session-id</c> header, kept as
/// sessions and their threads. Admin keys (and the master key) list every key's; any key reads its own, and another
/// key's id is a 404.
/// </summary>
[Tags("Connector chat records")]
public sealed class ConnectorChatRecordsController : ConnectorController
{
    public ConnectorChatRecordsController(IMediator mediator)
        : base(mediator)
    {
    }

    /// <summary>Sessions, newest first, of every key or of one (<c>key_id</c>); <c>q</c> searches titles.</summary>
    [HttpGet("/admin/session/list")]
    [ProducesResponseType<ConnectorReply<ConnectorPage<ChatSessionRecord>>>(StatusCodes.Status200OK)]
    public Task<IActionResult> Sessions([FromQuery] ConnectorListParameters query, [FromQuery(Name = "key_id")] long? keyId, CancellationToken cancellationToken) =>
        SendAsync(new ListChatSessionsQuery(query.ToPaging(), keyId, Own: false, Caller), cancellationToken);

    /// <summary>
    /// Threads, newest first (one session's, <c>session_id</c>, in the order they were recorded), of every key or of one
    /// (<c>key_id</c>); <c>q</c> searches prompts and answers.
    /// </summary>
    [HttpGet("/admin/thread/list")]
    [ProducesResponseType<ConnectorReply<ConnectorPage<ChatThreadRecord>>>(StatusCodes.Status200OK)]
    public Task<IActionResult> Threads(
        [FromQuery] ConnectorListParameters query,
        [FromQuery(Name = "key_id")] long? keyId,
        [FromQuery(Name = "session_id")] long? sessionId,
        CancellationToken cancellationToken) =>
        SendAsync(new ListChatThreadsQuery(query.ToPaging(), keyId, sessionId, Own: false, Caller), cancellationToken);

    /// <summary>The caller's key's sessions, newest first; <c>q</c> searches titles.</summary>
    [HttpGet("/user/session/list")]
    [ProducesResponseType<ConnectorReply<ConnectorPage<ChatSessionRecord>>>(StatusCodes.Status200OK)]
    public Task<IActionResult> MySessions([FromQuery] ConnectorListParameters query, CancellationToken cancellationToken) =>
        SendAsync(new ListChatSessionsQuery(query.ToPaging(), null, Own: true, Caller), cancellationToken);

    [HttpGet("/user/session/detail/{id}")]
    [ProducesResponseType<ConnectorReply<ChatSessionRecord>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> MySession(string id, CancellationToken cancellationToken)
    {
        var sessionId = IdOf(id, "id");
        return sessionId.IsSuccess ? await SendAsync(new GetChatSessionQuery(sessionId.Value, Caller), cancellationToken) : Failure(sessionId.Error!);
    }

    /// <summary>The caller's key's threads, newest first (one session's, <c>session_id</c>, in the order they were recorded).</summary>
    [HttpGet("/user/thread/list")]
    [ProducesResponseType<ConnectorReply<ConnectorPage<ChatThreadRecord>>>(StatusCodes.Status200OK)]
    public Task<IActionResult> MyThreads([FromQuery] ConnectorListParameters query, [FromQuery(Name = "session_id")] long? sessionId, CancellationToken cancellationToken) =>
        SendAsync(new ListChatThreadsQuery(query.ToPaging(), null, sessionId, Own: true, Caller), cancellationToken);

    [HttpGet("/user/thread/detail/{id}")]
    [ProducesResponseType<ConnectorReply<ChatThreadRecord>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> MyThread(string id, CancellationToken cancellationToken)
    {
        var threadId = IdOf(id, "id");
        return threadId.IsSuccess ? await SendAsync(new GetChatThreadQuery(threadId.Value, Caller), cancellationToken) : Failure(threadId.Error!);
    }
}
