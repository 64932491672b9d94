using LlmPlatform.Application.Access.Connector;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace LlmPlatform.Api.Controllers.Connector;

/// <summary>The Connector dialect's groups (seed 004): teams by integer id; a group's authorised models are its team's models.</summary>
[Tags("Connector groups")]
public sealed class ConnectorGroupsController : ConnectorController
{
    public ConnectorGroupsController(IMediator mediator)
        : base(mediator)
    {
    }

    [HttpGet("/admin/group/list")]
    [ProducesResponseType<ConnectorReply<ConnectorPage<ConnectorGroup>>>(StatusCodes.Status200OK)]
    public Task<IActionResult> List([FromQuery] ConnectorListParameters query, CancellationToken cancellationToken) =>
        SendAsync(new ListConnectorGroupsQuery(query.ToPaging(), Caller), cancellationToken);

    [HttpPost("/admin/group/save")]
    [ProducesResponseType<ConnectorReply<ConnectorGroup>>(StatusCodes.Status200OK)]
    public Task<IActionResult> Save([FromBody] SaveGroupRequest request, CancellationToken cancellationToken) =>
        SendAsync(new SaveConnectorGroupCommand(request.Id, request.Name, Caller), cancellationToken);

    /// <summary>Deletes an empty group; one that still has keys is refused.</summary>
    [HttpPost("/admin/group/delete")]
    [ProducesResponseType<ConnectorReply<bool>>(StatusCodes.Status200OK)]
    public Task<IActionResult> Delete([FromBody] ConnectorIdRequest request, CancellationToken cancellationToken) =>
        SendAsync(new DeleteConnectorGroupCommand(request.Id, Caller), cancellationToken);

    /// <summary>Authorises the model to the group, or withdraws it if it was: <c>created</c> or <c>deleted</c>.</summary>
    [HttpPost("/admin/group/bind-or-unbind-model")]
    [ProducesResponseType<ConnectorReply<string>>(StatusCodes.Status200OK)]
    public Task<IActionResult> BindModel([FromBody] GroupModelRequest request, CancellationToken cancellationToken) =>
        SendAsync(new ToggleConnectorGroupModelCommand(request.GroupId, request.ModelId, Caller), cancellationToken);

    [HttpGet("/admin/group/list-model")]
    [ProducesResponseType<ConnectorReply<ConnectorPage<ConnectorModelLink>>>(StatusCodes.Status200OK)]
    public Task<IActionResult> ListModels([FromQuery(Name = "group_id")] long? groupId, CancellationToken cancellationToken) =>
        SendAsync(new ListConnectorGroupModelsQuery(groupId, Caller), cancellationToken);
}
