using LlmPlatform.Application.Catalog.Lifecycle;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace LlmPlatform.Api.Controllers.GatewayUser;

/// <summary>
/// The gateway-user dialect's providers and model lifecycle (seed 003). Hosted models are loaded from the start;
/// an admin may unload one, after which calls to it answer 503 until it is loaded again.
/// </summary>
[Tags("Model lifecycle")]
[ProducesResponseType<Errors.ErrorEnvelope>(StatusCodes.Status403Forbidden)]
[ProducesResponseType<Errors.ErrorEnvelope>(StatusCodes.Status404NotFound)]
public sealed class ModelLifecycleController : DialectController
{
    public ModelLifecycleController(IMediator mediator)
        : base(mediator)
    {
    }

    [HttpGet("/v1/providers")]
    [ProducesResponseType<ProviderList>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Providers(CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new ListProvidersQuery(Caller), cancellationToken));

    [HttpGet("/v1/models/loaded")]
    [ProducesResponseType<LoadedModelList>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Loaded(CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new ListLoadedModelsQuery(Caller), cancellationToken));

    [HttpGet("/v1/models/{modelId}/status")]
    [ProducesResponseType<ModelRuntimeStatus>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Status(string modelId, CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new GetModelStatusQuery(Id(modelId), Caller), cancellationToken));

    [HttpPost("/v1/models/{modelId}/load")]
    [ProducesResponseType<ModelRuntimeStatus>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Load(
        string modelId,
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] LoadModelRequest? request,
        CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new LoadModelCommand(Id(modelId), request?.Wait ?? false, request?.UseFallback ?? false, Caller), cancellationToken));

    [HttpPost("/v1/models/{modelId}/unload")]
    [ProducesResponseType<ModelRuntimeStatus>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Unload(
        string modelId,
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] UnloadModelRequest? request,
        CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new UnloadModelCommand(Id(modelId), request?.Force ?? false, Caller), cancellationToken));

    [HttpGet("/v1/schema")]
    [ProducesResponseType<ModelSchema>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Schema([FromQuery] string? model, CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new GetModelSchemaQuery(model, Caller), cancellationToken));

    /// <summary>Routing leaves an encoded slash encoded, and clients encode the slash of a model such as team/model.</summary>
    private static string Id(string modelId) => modelId.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
}
