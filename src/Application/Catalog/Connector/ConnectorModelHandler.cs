using System.Text.Json;
using System.Text.Json.Nodes;
using LlmPlatform.Application.Access.Connector;
using LlmPlatform.Application.Catalog.AddModel;
using LlmPlatform.Application.Catalog.DeleteModel;
using LlmPlatform.Application.Catalog.UpdateModel;
using LlmPlatform.Domain.Common;
using MediatR;

namespace LlmPlatform.Application.Catalog.Connector;

/// <summary>
/// The Connector dialect's models (seed 004): each one is a stored deployment added, changed and deleted through the
/// catalog's commands (LiteLLM's <c>/model/new</c>), so it is callable by its name on <c>/v1/chat/completions</c> at once.
/// Prices are USD per million tokens; the Connector's own fields ride in <c>model_info</c>.
/// </summary>
internal sealed class ConnectorModelHandler :
    IRequestHandler<SaveConnectorModelCommand, Result<ConnectorModel>>,
    IRequestHandler<DeleteConnectorModelCommand, Result<bool>>,
    IRequestHandler<ListConnectorModelsQuery, Result<ConnectorPage<ConnectorModel>>>
{
    private const decimal PerMillion = 1_000_000m;

    private readonly IMediator _mediator;
    private readonly IConnectorModelStore _store;

    public ConnectorModelHandler(IMediator mediator, IConnectorModelStore store)
    {
        _mediator = mediator;
        _store = store;
    }

    public async Task<Result<ConnectorModel>> Handle(SaveConnectorModelCommand request, CancellationToken cancellationToken)
    {
        var caller = request.Caller;
        if (!caller.IsAdmin)
        {
            return Error.Forbidden("Only an admin key may call the admin API.");
        }

        ConnectorModel? existing = null;
        if (request.Id is { } id)
        {
            existing = await _store.FindAsync(id, cancellationToken).ConfigureAwait(false);
            if (existing is null)
            {
                return Error.NotFound("model_not_found", $"No model has id {id}.");
            }
        }

        var provider = request.Provider ?? existing?.Provider ?? ConnectorProviders.BedrockConverse;
        JsonObject? litellm = null;
        string? maskedConfig = null;
        if (existing is null || request.Config is not null || request.Provider is not null)
        {
            var config = ConnectorModelConfig.Parse(provider, request.Config ?? existing?.Config);
            if (!config.IsSuccess)
            {
                return config.Error!;
            }

            var parsed = config.Value;
            maskedConfig = parsed.MaskedConfig;
            litellm = new JsonObject { ["model"] = parsed.LitellmModel };
            Put(litellm, "api_base", parsed.ApiBase);
            Put(litellm, "aws_region_name", parsed.Region);
            if (parsed.ApiKey is { } apiKey && !apiKey.StartsWith("****", StringComparison.Ordinal))
            {
                litellm["api_key"] = apiKey;
            }
        }

        var priceIn = request.PriceIn ?? existing?.PriceIn ?? 0;
        var priceOut = request.PriceOut ?? existing?.PriceOut ?? 0;
        var info = new JsonObject
        {
            ["input_cost_per_token"] = priceIn / PerMillion,
            ["output_cost_per_token"] = priceOut / PerMillion,
            ["connector_group_id"] = request.GroupId ?? existing?.GroupId ?? 0,
            ["connector_multiple"] = request.Multiple ?? existing?.Multiple ?? false,
            ["connector_provider"] = provider,
            ["connector_price_in"] = priceIn,
            ["connector_price_out"] = priceOut,
        };
        Put(info, "connector_config", maskedConfig);
        var entry = new JsonObject { ["model_info"] = info };
        Put(entry, "model_name", request.Name);
        if (litellm is not null)
        {
            entry["litellm_params"] = litellm;
        }

        var json = JsonSerializer.SerializeToElement(entry);
        var saved = existing is null
            ? await _mediator.Send(new AddModelCommand(caller, json), cancellationToken).ConfigureAwait(false)
            : await _mediator.Send(new UpdateModelCommand(caller, existing.DeploymentId, json), cancellationToken).ConfigureAwait(false);
        if (!saved.IsSuccess)
        {
            return saved.Error!;
        }

        var deploymentId = saved.Value.ModelInfo.TryGetValue("id", out var value) ? value?.ToString() : existing?.DeploymentId;
        var view = deploymentId is null ? null : await _store.FindByDeploymentAsync(deploymentId, cancellationToken).ConfigureAwait(false);
        return view is null ? Error.NotFound("model_not_found", "The saved model is gone.") : view;
    }

    public async Task<Result<bool>> Handle(DeleteConnectorModelCommand request, CancellationToken cancellationToken)
    {
        if (!request.Caller.IsAdmin)
        {
            return Error.Forbidden("Only an admin key may call the admin API.");
        }

        var existing = await _store.FindAsync(request.Id!.Value, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            return Error.NotFound("model_not_found", $"No model has id {request.Id}.");
        }

        var deleted = await _mediator.Send(new DeleteModelCommand(request.Caller, existing.DeploymentId), cancellationToken).ConfigureAwait(false);
        return deleted.IsSuccess ? true : deleted.Error!;
    }

    public async Task<Result<ConnectorPage<ConnectorModel>>> Handle(ListConnectorModelsQuery request, CancellationToken cancellationToken)
    {
        if (!request.Caller.IsAdmin)
        {
            return Error.Forbidden("Only an admin key may call the admin API.");
        }

        return await _store.ListAsync(request.Paging, cancellationToken).ConfigureAwait(false);
    }

    private static void Put(JsonObject target, string name, string? value)
    {
        if (value is not null)
        {
            target[name] = value;
        }
    }
}
