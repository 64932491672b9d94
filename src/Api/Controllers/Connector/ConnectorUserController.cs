using LlmPlatform.Application.Access.Connector;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace LlmPlatform.Api.Controllers.Connector;

/// <summary>The Connector dialect's user API (seed 004): any key reads its own key and the models it may call.</summary>
[Tags("Connector user")]
public sealed class ConnectorUserController : ConnectorController
{
    public ConnectorUserController(IMediator mediator)
        : base(mediator)
    {
    }

    /// <summary>The caller's own key (never the key itself); the master key has none and gets a 404.</summary>
    [HttpGet("/user/api-key/mine")]
    [ProducesResponseType<ConnectorReply<ConnectorKey>>(StatusCodes.Status200OK)]
    public Task<IActionResult> Mine(CancellationToken cancellationToken) =>
        SendAsync(new GetConnectorKeyQuery(null, Caller), cancellationToken);

    /// <summary>The models the caller's key and group allow.</summary>
    [HttpGet("/user/model/list")]
    [ProducesResponseType<ConnectorReply<ConnectorPage<ConnectorModelLink>>>(StatusCodes.Status200OK)]
    public Task<IActionResult> Models(CancellationToken cancellationToken) =>
        SendAsync(new ListConnectorKeyModelsQuery(null, Caller), cancellationToken);
}
