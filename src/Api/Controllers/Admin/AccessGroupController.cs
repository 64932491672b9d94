using System.Text.Json;
using LlmPlatform.Api.Controllers.Admin.Docs;
using LlmPlatform.Api.Hosting;
using LlmPlatform.Application.Access.AccessGroups;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace LlmPlatform.Api.Controllers.Admin;

/// <summary>The model access group endpoints: <c>/model_access_group/*</c> (<c>access_group</c>, <c>name</c> or <c>group_id</c> name the group).</summary>
public sealed class AccessGroupController : AdminController
{
    public AccessGroupController(IMediator mediator)
        : base(mediator)
    {
    }

    [HttpPost("/model_access_group/new")]
    [RequestBodySchema(typeof(AccessGroupRequest))]
    [ProducesResponseType<AccessGroupInfo>(StatusCodes.Status200OK)]
    public Task<IActionResult> Create([FromBody] JsonElement body, CancellationToken cancellationToken) => Save(body, true, cancellationToken);

    [HttpPut("/model_access_group/update")]
    [HttpPost("/model_access_group/update")]
    [RequestBodySchema(typeof(AccessGroupRequest))]
    [ProducesResponseType<AccessGroupInfo>(StatusCodes.Status200OK)]
    public Task<IActionResult> Update([FromBody] JsonElement body, CancellationToken cancellationToken) => Save(body, false, cancellationToken);

    [HttpGet("/model_access_group/info")]
    [ResponseBodySchema(typeof(AccessGroupInfo), Alternative = typeof(IReadOnlyList<AccessGroupInfo>))]
    public async Task<IActionResult> Info(
        [FromQuery(Name = "group_id")] string? groupId,
        [FromQuery(Name = "access_group")] string? accessGroup,
        CancellationToken cancellationToken)
    {
        var name = groupId ?? accessGroup;
        var result = await Mediator.Send(new GetAccessGroupQuery(name, Caller), cancellationToken);
        return Answer(result, groups => name is null ? groups : groups[0]);
    }

    [HttpDelete("/model_access_group/delete")]
    [RequestBodySchema(typeof(AccessGroupDeleteRequest))]
    [ProducesResponseType<AccessGroupDeleteResponse>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Delete([FromBody] JsonElement body, CancellationToken cancellationToken)
    {
        if (!TryName(body, out var name, out var failure))
        {
            return failure!;
        }

        var result = await Mediator.Send(new DeleteAccessGroupCommand(name, Caller), cancellationToken);
        return Answer(result, deleted => new { deleted = true, access_group = deleted });
    }

    private async Task<IActionResult> Save(JsonElement body, bool isNew, CancellationToken cancellationToken)
    {
        if (!TryName(body, out var name, out var failure) || !TryStrings(body, "models", out var models, out failure))
        {
            return failure!;
        }

        var result = await Mediator.Send(new SaveAccessGroupCommand(name, models, isNew, Caller), cancellationToken);
        return Answer(result, group => group);
    }

    private bool TryName(JsonElement body, out string? name, out IActionResult? failure)
    {
        name = null;
        foreach (var field in new[] { "access_group", "name", "group_id" })
        {
            if (!TryString(body, field, out var value, out failure))
            {
                return false;
            }

            name ??= value;
        }

        failure = null;
        return true;
    }
}
