using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using LlmPlatform.Application.Access.AccessGroups;
using LlmPlatform.Application.Catalog;
using LlmPlatform.Application.Catalog.AddModel;
using LlmPlatform.Domain.Common;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace LlmPlatform.Api.Controllers.Saas;

/// <summary>
/// The SaaS dialect's model aliases (seed 002, <c>/api/model-aliases</c>, also <c>/api/models</c>). An alias is a
/// deployment of this gateway: its name is the alias, it calls <c>provider/actual_model</c>, its prices are per-token
/// costs, and its access groups are the deployment's (<c>model_info.access_groups</c>).
/// </summary>
[Tags("SaaS")]
public sealed class SaasModelAliasesController : SaasController
{
    /// <summary>The SaaS field behind each deployment field a failure can name.</summary>
    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["model_name"] = "model_alias",
        ["litellm_params.model"] = "actual_model",
        ["litellm_params.api_key"] = "api_key",
        ["litellm_params.api_base"] = "api_base",
        ["litellm_params.litellm_credential_name"] = "credential_name",
        ["model_info.input_cost_per_token"] = "pricing_input",
        ["model_info.output_cost_per_token"] = "pricing_output",
        ["model_info.id"] = "model_alias",
    };

    private readonly TimeProvider _time;

    public SaasModelAliasesController(IMediator mediator, TimeProvider time)
        : base(mediator)
    {
        _time = time;
    }

    [HttpPost("/api/model-aliases/create")]
    [HttpPost("/api/models/create")]
    [ProducesResponseType<ModelAliasView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Create([FromBody] CreateModelAliasRequest request, CancellationToken cancellationToken)
    {
        var missing = SaasAnswers.FirstMissing(
            ("model_alias", request.ModelAlias), ("display_name", request.DisplayName), ("provider", request.Provider), ("actual_model", request.ActualModel));
        if (missing is not null)
        {
            return Failure(missing);
        }

        var alias = request.ModelAlias!;
        foreach (var group in request.AccessGroups ?? [])
        {
            var found = await Mediator.Send(new GetAccessGroupQuery(group, Caller), cancellationToken);
            if (!found.IsSuccess)
            {
                return Failure(found.Error!.Reword("access_group_not_found", $"Model access group '{group}' not found"));
            }
        }

        var catalog = await SaasCatalog.ReadAsync(Mediator, Caller, cancellationToken);
        if (!catalog.IsSuccess)
        {
            return Failure(catalog.Error!);
        }

        var duplicate = Error.Conflict($"Model alias '{alias}' already exists");
        if (catalog.Value.Find(alias) is not null)
        {
            return Failure(duplicate);
        }

        var added = await Mediator.Send(new AddModelCommand(Caller, Entry(request)), cancellationToken);
        if (!added.IsSuccess)
        {
            var error = added.Error!;
            return Failure(error.Kind == ErrorKind.Conflict ? duplicate : error with { Param = error.Param is { } p ? Fields.GetValueOrDefault(p, p) : null });
        }

        return Ok(View(added.Value, catalog.Value));
    }

    [HttpGet("/api/model-aliases/{alias}")]
    [HttpGet("/api/models/{alias}")]
    [ProducesResponseType<ModelAliasView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Get(string alias, CancellationToken cancellationToken)
    {
        var catalog = await SaasCatalog.ReadAsync(Mediator, Caller, cancellationToken);
        if (!catalog.IsSuccess)
        {
            return Failure(catalog.Error!);
        }

        return catalog.Value.Find(alias) is { } deployment
            ? Ok(View(deployment, catalog.Value))
            : Failure(Error.NotFound("model_not_found", $"Model alias '{alias}' not found"));
    }

    private static ModelAliasView View(ModelInfoView deployment, SaasCatalog catalog)
    {
        var summary = SaasCatalog.Summary(deployment);
        var groups = catalog.GroupsOf(deployment);
        return new ModelAliasView
        {
            ModelAlias = summary.ModelAlias,
            DisplayName = summary.DisplayName,
            Provider = summary.Provider,
            ActualModel = summary.ActualModel,
            LitellmModelId = SaasCatalog.Text(deployment.ModelInfo, "id"),
            AccessGroups = groups,
            Description = SaasCatalog.Text(deployment.ModelInfo, "description"),
            PricingInput = SaasCatalog.PerMillionTokens(deployment.ModelInfo, "input_cost_per_token"),
            PricingOutput = SaasCatalog.PerMillionTokens(deployment.ModelInfo, "output_cost_per_token"),
            TeamsUsing = catalog.TeamsUsing(groups.Append(deployment.ModelName)),
            CreatedAt = SaasCatalog.Time(deployment.ModelInfo, "created_at"),
            UpdatedAt = SaasCatalog.Time(deployment.ModelInfo, "updated_at"),
        };
    }

    /// <summary>The deployment <c>POST /model/new</c> stores for the alias; its id is the alias.</summary>
    private JsonElement Entry(CreateModelAliasRequest request)
    {
        var parameters = new JsonObject { ["model"] = request.Provider + "/" + request.ActualModel };
        Put(parameters, "api_key", request.ApiKey);
        Put(parameters, "api_base", request.ApiBase);
        Put(parameters, "litellm_credential_name", request.CredentialName);

        var now = _time.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
        var info = new JsonObject
        {
            ["id"] = request.ModelAlias,
            ["display_name"] = request.DisplayName,
            ["access_groups"] = new JsonArray((request.AccessGroups ?? []).Distinct(StringComparer.Ordinal).Select(g => (JsonNode?)JsonValue.Create(g)).ToArray()),
            ["created_at"] = now,
            ["updated_at"] = now,
        };
        Put(info, "description", request.Description);
        if (request.PricingInput is { } input)
        {
            info["input_cost_per_token"] = input / SaasCatalog.PerMillion;
        }

        if (request.PricingOutput is { } output)
        {
            info["output_cost_per_token"] = output / SaasCatalog.PerMillion;
        }

        var entry = new JsonObject { ["model_name"] = request.ModelAlias, ["litellm_params"] = parameters, ["model_info"] = info };
        return JsonSerializer.SerializeToElement(entry);
    }

    private static void Put(JsonObject target, string key, string? value)
    {
        if (value is not null)
        {
            target[key] = value;
        }
    }
}
