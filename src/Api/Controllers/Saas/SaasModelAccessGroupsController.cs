using LlmPlatform.Application.Access.AccessGroups;
using LlmPlatform.Application.Catalog.UpdateModel;
using LlmPlatform.Domain.Common;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace LlmPlatform.Api.Controllers.Saas;

/// <summary>
/// The SaaS dialect's model access groups (seed 002, <c>/api/model-access-groups</c>), over the platform's access
/// groups: a group's models are alias names, and a team reaches them by naming the group in its models.
/// </summary>
[Tags("SaaS")]
public sealed class SaasModelAccessGroupsController : SaasController
{
    public SaasModelAccessGroupsController(IMediator mediator)
        : base(mediator)
    {
    }

    [HttpPost("/api/model-access-groups/create")]
    [ProducesResponseType<ModelAccessGroupView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Create([FromBody] CreateModelAccessGroupRequest request, CancellationToken cancellationToken)
    {
        if (SaasAnswers.FirstMissing(("group_name", request.GroupName), ("display_name", request.DisplayName)) is { } missing)
        {
            return Failure(missing);
        }

        var catalog = await CheckedCatalogAsync(request.ModelAliases, cancellationToken);
        if (!catalog.IsSuccess)
        {
            return Failure(catalog.Error!);
        }

        var details = new AccessGroupDetails { DisplayName = request.DisplayName, Description = request.Description };
        var command = new SaveAccessGroupCommand(request.GroupName, request.ModelAliases ?? [], true, Caller) { Details = details };
        var result = await Mediator.Send(command, cancellationToken);
        return result.IsSuccess
            ? Ok(View(result.Value, catalog.Value, withTeams: false))
            : Failure(result.Error!.Reword("conflict", $"Model access group '{request.GroupName}' already exists"));
    }

    [HttpGet("/api/model-access-groups/{groupName}")]
    [ProducesResponseType<ModelAccessGroupView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Get(string groupName, CancellationToken cancellationToken)
    {
        var result = await Mediator.Send(new GetAccessGroupQuery(groupName, Caller), cancellationToken);
        if (!result.IsSuccess)
        {
            return Failure(NotFound(result.Error!, groupName));
        }

        var catalog = await SaasCatalog.ReadAsync(Mediator, Caller, cancellationToken);
        return catalog.IsSuccess ? Ok(View(result.Value[0], catalog.Value, withTeams: true)) : Failure(catalog.Error!);
    }

    [HttpPut("/api/model-access-groups/{groupName}")]
    [ProducesResponseType<ModelAccessGroupView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Update(string groupName, [FromBody] UpdateModelAccessGroupRequest request, CancellationToken cancellationToken)
    {
        var catalog = await CheckedCatalogAsync(request.ModelAliases, cancellationToken);
        if (!catalog.IsSuccess)
        {
            return Failure(catalog.Error!);
        }

        var details = new AccessGroupDetails { DisplayName = request.DisplayName, Description = request.Description, Status = request.Status };
        var result = await Mediator.Send(new SaveAccessGroupCommand(groupName, request.ModelAliases, false, Caller) { Details = details }, cancellationToken);
        if (!result.IsSuccess)
        {
            return Failure(NotFound(result.Error!, groupName));
        }

        if (request.ModelAliases is { } aliases && await LeaveAsync(groupName, aliases, catalog.Value, cancellationToken) is { } failed)
        {
            return Failure(failed);
        }

        var reread = await SaasCatalog.ReadAsync(Mediator, Caller, cancellationToken);
        return reread.IsSuccess ? Ok(View(result.Value, reread.Value, withTeams: true)) : Failure(reread.Error!);
    }

    private static Error NotFound(Error error, string groupName) =>
        error.Reword("access_group_not_found", $"Model access group '{groupName}' not found");

    private static ModelAccessGroupView View(AccessGroupInfo group, SaasCatalog catalog, bool withTeams) => new()
    {
        GroupName = group.AccessGroup,
        DisplayName = group.DisplayName ?? group.AccessGroup,
        Description = group.Description,
        Status = group.Status,
        ModelAliases = catalog.AliasesOf(group),
        TeamsUsing = withTeams ? catalog.TeamsUsing([group.AccessGroup]) : null,
        CreatedAt = SaasAnswers.Utc(group.CreatedAt),
        UpdatedAt = SaasAnswers.Utc(group.UpdatedAt),
    };

    /// <summary>The catalog, when every alias given names a model.</summary>
    private async Task<Result<SaasCatalog>> CheckedCatalogAsync(IReadOnlyList<string>? aliases, CancellationToken cancellationToken)
    {
        var catalog = await SaasCatalog.ReadAsync(Mediator, Caller, cancellationToken);
        if (catalog.IsSuccess && aliases is not null && catalog.Value.FirstUnknown(aliases) is { } unknown)
        {
            return Error.NotFound("model_not_found", $"Model alias '{unknown}' not found");
        }

        return catalog;
    }

    /// <summary>
    /// Replacing a group's aliases also takes the group off the deployments added through the API that name it
    /// themselves (<c>model_info.access_groups</c>) and are no longer in the list, so that the list is the whole group.
    /// </summary>
    private async Task<Error?> LeaveAsync(string groupName, IReadOnlyList<string> aliases, SaasCatalog catalog, CancellationToken cancellationToken)
    {
        var leaving = catalog.DeploymentsNaming(groupName).Where(d => !aliases.Contains(d.ModelName) && d.ModelInfo.GetValueOrDefault("db_model") is true);
        foreach (var deployment in leaving.ToList())
        {
            var id = SaasCatalog.Text(deployment.ModelInfo, "id");
            var remaining = SaasCatalog.GroupsNamedBy(deployment).Where(g => g != groupName).ToList();
            var changes = System.Text.Json.JsonSerializer.SerializeToElement(new Dictionary<string, object>
            {
                ["model_info"] = new Dictionary<string, object> { ["access_groups"] = remaining },
            });
            var updated = await Mediator.Send(new UpdateModelCommand(Caller, id, changes), cancellationToken);
            if (!updated.IsSuccess)
            {
                return updated.Error;
            }
        }

        return null;
    }
}
