using LlmPlatform.Application.Catalog.ListModels;
using LlmPlatform.Application.Gateway.Contracts;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace LlmPlatform.Api.Controllers.OpenAi;

/// <summary><c>GET /v1/models</c>: the model groups the caller may use.</summary>
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
}
