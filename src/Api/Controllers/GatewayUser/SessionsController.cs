using LlmPlatform.Application.Conversations;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace LlmPlatform.Api.Controllers.GatewayUser;

/// <summary>
/// The gateway-user dialect's sessions (seed 003): conversations of the caller's user (else team, else key) whose
/// messages <c>/v1/generate</c> sends as history and extends. Another owner's session is not found.
/// </summary>
[Tags("Sessions")]
[ProducesResponseType<Errors.ErrorEnvelope>(StatusCodes.Status404NotFound)]
public sealed class SessionsController : DialectController
{
    public SessionsController(IMediator mediator)
        : base(mediator)
    {
    }

    [HttpPost("/v1/sessions")]
    [ProducesResponseType<SessionView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Create(
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] SessionRequest? request,
        CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new CreateSessionCommand(request?.Title, Caller), cancellationToken));

    [HttpGet("/v1/sessions")]
    [ProducesResponseType<SessionList>(StatusCodes.Status200OK)]
    public async Task<IActionResult> List(CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new ListSessionsQuery(Caller), cancellationToken));

    [HttpGet("/v1/sessions/{sessionId}")]
    [ProducesResponseType<SessionView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Get(string sessionId, CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new GetSessionQuery(sessionId, Caller), cancellationToken));

    [HttpPut("/v1/sessions/{sessionId}")]
    [ProducesResponseType<SessionView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Update(string sessionId, [FromBody] SessionRequest request, CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new UpdateSessionCommand(sessionId, request.Title, Caller), cancellationToken));

    [HttpDelete("/v1/sessions/{sessionId}")]
    [ProducesResponseType<SessionDeleted>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Delete(string sessionId, CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new DeleteSessionCommand(sessionId, Caller), cancellationToken));

    /// <summary>Clears the session's messages, keeping the session.</summary>
    [HttpPost("/v1/sessions/{sessionId}/reset")]
    [ProducesResponseType<SessionView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Reset(string sessionId, CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new ResetSessionCommand(sessionId, Caller), cancellationToken));
}
