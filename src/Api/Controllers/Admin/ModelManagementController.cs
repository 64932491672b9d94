using System.Text.Json;
using LlmPlatform.Api.Controllers.Admin.Docs;
using LlmPlatform.Api.Hosting;
using LlmPlatform.Application.Catalog.AddModel;
using LlmPlatform.Application.Catalog.DeleteModel;
using LlmPlatform.Application.Catalog.GetModelGroupInfo;
using LlmPlatform.Application.Catalog.GetModelInfo;
using LlmPlatform.Application.Catalog.UpdateModel;
using LlmPlatform.Application.Catalog;
using LlmPlatform.Application.Common.Authorization;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace LlmPlatform.Api.Controllers.Admin;

/// <summary>LiteLLM's model management: deployments stored beside the configuration file's, and what is known of each.</summary>
[Tags("Model management")]
public sealed class ModelManagementController : DialectController
{
    public ModelManagementController(IMediator mediator)
        : base(mediator)
    {
    }

    [HttpPost("/model/new")]
    [RequestBodySchema(typeof(ModelNewRequest))]
    [ProducesResponseType<ModelInfoView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Add([FromBody] JsonElement body, CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new AddModelCommand(Caller, body), cancellationToken));

    [HttpGet("/model/info")]
    [HttpGet("/v1/model/info")]
    [ProducesResponseType<ModelInfoList>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Info([FromQuery(Name = "litellm_model_id")] string? modelId, CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new GetModelInfoQuery(Caller, modelId), cancellationToken));

    [HttpPost("/model/update")]
    [RequestBodySchema(typeof(ModelUpdateRequest))]
    [ProducesResponseType<ModelInfoView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Update([FromBody] JsonElement body, CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new UpdateModelCommand(Caller, IdOf(body), body), cancellationToken));

    [HttpPatch("/model/{modelId}/update")]
    [RequestBodySchema(typeof(ModelUpdateRequest))]
    [ProducesResponseType<ModelInfoView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> UpdateById(string modelId, [FromBody] JsonElement body, CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new UpdateModelCommand(Caller, modelId, body), cancellationToken));

    [HttpPost("/model/delete")]
    [RequestBodySchema(typeof(ModelDeleteRequest))]
    [ProducesResponseType<AdminMessage>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Delete([FromBody] JsonElement body, CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new DeleteModelCommand(Caller, IdOf(body)), cancellationToken));

    [HttpGet("/model_group/info")]
    [ProducesResponseType<ModelGroupInfoList>(StatusCodes.Status200OK)]
    public async Task<IActionResult> GroupInfo([FromQuery(Name = "model_group")] string? modelGroup, CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new GetModelGroupInfoQuery(Caller, modelGroup), cancellationToken));

    /// <summary>The id as LiteLLM sends it: <c>{"id": ...}</c> or <c>{"model_info": {"id": ...}}</c>.</summary>
    private static string? IdOf(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (body.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
        {
            return id.GetString();
        }

        return body.TryGetProperty("model_info", out var info) && info.ValueKind == JsonValueKind.Object
            && info.TryGetProperty("id", out var infoId) && infoId.ValueKind == JsonValueKind.String
            ? infoId.GetString()
            : null;
    }
}
