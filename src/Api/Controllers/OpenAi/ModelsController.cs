using LlmPlatform.Application.Catalog.GetModel;
using LlmPlatform.Application.Catalog.ListModels;
using LlmPlatform.Application.Gateway.Contracts;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace LlmPlatform.Api.Controllers.OpenAi;

/// <summary><c>GET /v1/models</c>: the model groups the caller may use; <c>GET /v1/models/{model}</c>: one of them.</summary>
[Tags("OpenAI")]
public sealed class ModelsController : DialectController
{
    public ModelsController(IMediator mediator)
        : base(mediator)
    {
    }

    [HttpGet("/v1/models")]
    [HttpGet("/models")]
    [ProducesResponseType<ModelList>(StatusCodes.Status200OK)]
    public async Task<IActionResult> List(CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new ListModelsQuery(Caller), cancellationToken));

    [HttpGet("/v1/models/{**model}")]
    [HttpGet("/models/{**model}")]
    [ProducesResponseType<ModelCard>(StatusCodes.Status200OK)]
    // Routing leaves an encoded slash encoded in a catch-all value, and the OpenAI SDK encodes the slash of team/model.
    public async Task<IActionResult> Get(string model, CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new GetModelQuery(model.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase), Caller), cancellationToken));
}
