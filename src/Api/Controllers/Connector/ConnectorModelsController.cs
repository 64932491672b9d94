using LlmPlatform.Application.Access.Connector;
using LlmPlatform.Application.Catalog.Connector;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace LlmPlatform.Api.Controllers.Connector;

/// <summary>
/// The Connector dialect's models (seed 004): stored model deployments, callable by name on <c>/v1/chat/completions</c>
/// as soon as they are saved.
/// </summary>
[Tags("Connector models")]
public sealed class ConnectorModelsController : ConnectorController
{
    public ConnectorModelsController(IMediator mediator)
        : base(mediator)
    {
    }

    [HttpGet("/admin/model/list")]
    [ProducesResponseType<ConnectorReply<ConnectorPage<ConnectorModel>>>(StatusCodes.Status200OK)]
    public Task<IActionResult> List([FromQuery] ConnectorListParameters query, CancellationToken cancellationToken) =>
        SendAsync(new ListConnectorModelsQuery(query.ToPaging(), Caller), cancellationToken);

    /// <summary>Adds a model without an id, changes it with one; provider bedrock-converse, openai-compatible or mock.</summary>
    [HttpPost("/admin/model/save")]
    [ProducesResponseType<ConnectorReply<ConnectorModel>>(StatusCodes.Status200OK)]
    public Task<IActionResult> Save([FromBody] SaveModelRequest request, CancellationToken cancellationToken) =>
        SendAsync(
            new SaveConnectorModelCommand(request.Id, request.Name, request.GroupId, request.Multiple, request.Config, request.Provider, request.PriceIn, request.PriceOut, Caller),
            cancellationToken);

    [HttpPost("/admin/model/delete")]
    [ProducesResponseType<ConnectorReply<bool>>(StatusCodes.Status200OK)]
    public Task<IActionResult> Delete([FromBody] ConnectorIdRequest request, CancellationToken cancellationToken) =>
        SendAsync(new DeleteConnectorModelCommand(request.Id, Caller), cancellationToken);
}
