using System.Text.Json;
using LlmPlatform.Api.Controllers.Admin.Docs;
using LlmPlatform.Api.Hosting;
using LlmPlatform.Application.Access.Organizations;
using LlmPlatform.Domain.Common;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace LlmPlatform.Api.Controllers.Admin;

/// <summary>LiteLLM's organization endpoints: <c>/organization/*</c>.</summary>
public sealed class OrganizationController : AdminController
{
    public OrganizationController(IMediator mediator)
        : base(mediator)
    {
    }

    [HttpPost("/organization/new")]
    [RequestBodySchema(typeof(OrganizationFields))]
    [ProducesResponseType<OrganizationInfo>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Create([FromBody] JsonElement body, CancellationToken cancellationToken)
    {
        if (!TryFields(body, out var fields, out var failure))
        {
            return failure!;
        }

        var result = await Mediator.Send(new CreateOrganizationCommand(fields, Caller), cancellationToken);
        return Answer(result, organization => organization);
    }

    [HttpPatch("/organization/update")]
    [RequestBodySchema(typeof(OrganizationFields))]
    [ProducesResponseType<OrganizationInfo>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Update([FromBody] JsonElement body, CancellationToken cancellationToken)
    {
        if (!TryFields(body, out var fields, out var failure))
        {
            return failure!;
        }

        var result = await Mediator.Send(new UpdateOrganizationCommand(fields, Caller), cancellationToken);
        return Answer(result, organization => organization);
    }

    [HttpGet("/organization/info")]
    [ProducesResponseType<OrganizationInfo>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Info([FromQuery(Name = "organization_id")] string? organizationId, CancellationToken cancellationToken)
    {
        var result = await Mediator.Send(new GetOrganizationInfoQuery(organizationId, Caller), cancellationToken);
        return Answer(result, organization => organization);
    }

    [HttpGet("/organization/list")]
    [ProducesResponseType<IReadOnlyList<OrganizationInfo>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> List(CancellationToken cancellationToken)
    {
        var result = await Mediator.Send(new ListOrganizationsQuery(Caller), cancellationToken);
        return Answer(result, organizations => organizations);
    }

    [HttpDelete("/organization/delete")]
    [RequestBodySchema(typeof(OrganizationDeleteRequest))]
    [ProducesResponseType<OrganizationDeleteResponse>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Delete([FromBody] JsonElement body, CancellationToken cancellationToken)
    {
        if (!TryStrings(body, "organization_ids", out var ids, out var failure) || !TryString(body, "organization_id", out var single, out failure))
        {
            return failure!;
        }

        var all = (ids ?? []).Concat(single is null ? [] : [single]).ToList();
        var result = await Mediator.Send(new DeleteOrganizationsCommand(all, Caller), cancellationToken);
        return Answer(result, deleted => new { deleted = true, organization_ids = deleted });
    }

    [HttpPost("/organization/member/add")]
    [RequestBodySchema(typeof(OrganizationMemberAddRequest))]
    [ProducesResponseType<OrganizationInfo>(StatusCodes.Status200OK)]
    public async Task<IActionResult> AddMember([FromBody] JsonElement body, CancellationToken cancellationToken)
    {
        if (!TryString(body, "organization_id", out var organizationId, out var failure))
        {
            return failure!;
        }

        var members = new List<OrganizationMember>();
        if (body.TryGetProperty("member", out var member) && member.ValueKind != JsonValueKind.Null)
        {
            if (member.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
            {
                return Failure(Error.Validation("'member' must be an object {user_id, role} or a list of them.", "member"));
            }

            foreach (var item in member.ValueKind == JsonValueKind.Array ? member.EnumerateArray().ToList() : [member])
            {
                if (!TryRead<OrganizationMember>(item, out var one, out failure))
                {
                    return failure!;
                }

                members.Add(one);
            }
        }
        else if (!TryRead<OrganizationMember>(body, out var flat, out failure))
        {
            return failure!;
        }
        else if (flat.UserId is not null)
        {
            members.Add(flat);
        }

        var result = await Mediator.Send(new AddOrganizationMembersCommand(organizationId, members, Caller), cancellationToken);
        return Answer(result, organization => organization);
    }

    [HttpDelete("/organization/member/delete")]
    [RequestBodySchema(typeof(OrganizationMemberDeleteRequest))]
    [ProducesResponseType<OrganizationInfo>(StatusCodes.Status200OK)]
    public async Task<IActionResult> RemoveMember([FromBody] JsonElement body, CancellationToken cancellationToken)
    {
        if (!TryString(body, "organization_id", out var organizationId, out var failure) || !TryString(body, "user_id", out var userId, out failure))
        {
            return failure!;
        }

        var result = await Mediator.Send(new RemoveOrganizationMemberCommand(organizationId, userId, Caller), cancellationToken);
        return Answer(result, organization => organization);
    }

    /// <summary>The organization's fields; <c>name</c> (seed 000's spelling) stands for <c>organization_alias</c>.</summary>
    private bool TryFields(JsonElement body, out OrganizationFields fields, out IActionResult? failure)
    {
        if (!TryRead(body, out fields, out failure) || !TryString(body, "name", out var name, out failure))
        {
            return false;
        }

        if (fields.OrganizationAlias is null && name is not null)
        {
            fields = fields with { OrganizationAlias = name };
        }

        return true;
    }
}
