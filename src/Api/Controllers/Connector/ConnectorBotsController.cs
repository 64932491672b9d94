using LlmPlatform.Application.Access.Connector;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace LlmPlatform.Api.Controllers.Connector;

/// <summary>The Connector dialect's Feishu bot webhooks (seed 004): config encrypted at rest, its secrets masked in answers.</summary>
[Tags("Connector bots")]
public sealed class ConnectorBotsController : ConnectorController
{
    public ConnectorBotsController(IMediator mediator)
        : base(mediator)
    {
    }

    [HttpGet("/admin/bot/feishu/list")]
    [ProducesResponseType<ConnectorReply<ConnectorPage<ConnectorBot>>>(StatusCodes.Status200OK)]
    public Task<IActionResult> List([FromQuery] ConnectorListParameters query, CancellationToken cancellationToken) =>
        SendAsync(new ListConnectorBotsQuery(query.ToPaging(), Caller), cancellationToken);

    [HttpPost("/admin/bot/feishu/save")]
    [ProducesResponseType<ConnectorReply<ConnectorBot>>(StatusCodes.Status200OK)]
    public Task<IActionResult> Save([FromBody] SaveBotRequest request, CancellationToken cancellationToken) =>
        SendAsync(new SaveConnectorBotCommand(request.Id, request.Name, request.Config, request.Provider, Caller), cancellationToken);

    [HttpPost("/admin/bot/feishu/delete")]
    [ProducesResponseType<ConnectorReply<bool>>(StatusCodes.Status200OK)]
    public Task<IActionResult> Delete([FromBody] ConnectorIdRequest request, CancellationToken cancellationToken) =>
        SendAsync(new DeleteConnectorBotCommand(request.Id, Caller), cancellationToken);
}
