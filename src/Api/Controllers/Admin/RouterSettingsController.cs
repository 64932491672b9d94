using System.Text.Json;
using LlmPlatform.Api.Controllers.Admin.Docs;
using LlmPlatform.Api.Hosting;
using LlmPlatform.Application.Operations.Routing.GetRouterSettings;
using LlmPlatform.Application.Operations.Routing.UpdateRouterSettings;
using LlmPlatform.Application.Operations.Routing;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace LlmPlatform.Api.Controllers.Admin;

/// <summary>The router settings in force, changeable at run time on every node.</summary>
[Tags("Router")]
public sealed class RouterSettingsController : DialectController
{
    public RouterSettingsController(IMediator mediator)
        : base(mediator)
    {
    }

    [HttpGet("/router/settings")]
    [ProducesResponseType<RouterSettingsView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Get(CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new GetRouterSettingsQuery(Caller), cancellationToken));

    [HttpPatch("/router/settings")]
    [RequestBodySchema(typeof(RouterSettingsUpdateRequest))]
    [ProducesResponseType<RouterSettingsView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Update([FromBody] JsonElement body, CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new UpdateRouterSettingsCommand(Caller, body), cancellationToken));
}
