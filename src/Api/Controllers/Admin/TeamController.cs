using System.Text.Json;
using LlmPlatform.Api.Controllers.Admin.Docs;
using LlmPlatform.Api.Hosting;
using LlmPlatform.Application.Access.Teams;
using LlmPlatform.Domain.Common;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace LlmPlatform.Api.Controllers.Admin;

/// <summary>LiteLLM's team endpoints: <c>/team/*</c>.</summary>
public sealed class TeamController : AdminController
{
    public TeamController(IMediator mediator)
        : base(mediator)
    {
    }

    [HttpPost("/team/new")]
    [RequestBodySchema(typeof(TeamFields))]
    [ProducesResponseType<TeamInfo>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Create([FromBody] JsonElement body, CancellationToken cancellationToken)
    {
        if (!TryRead<TeamFields>(body, out var fields, out var failure))
        {
            return failure!;
        }

        var result = await Mediator.Send(new CreateTeamCommand(fields, Caller), cancellationToken);
        return Answer(result, team => team);
    }

    [HttpPost("/team/update")]
    [RequestBodySchema(typeof(TeamFields))]
    [ProducesResponseType<TeamUpdateResponse>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Update([FromBody] JsonElement body, CancellationToken cancellationToken)
    {
        if (!TryRead<TeamFields>(body, out var fields, out var failure))
        {
            return failure!;
        }

        var result = await Mediator.Send(new UpdateTeamCommand(fields, Caller), cancellationToken);
        return Answer(result, team => new TeamUpdateResponse(team));
    }

    [HttpGet("/team/info")]
    [ProducesResponseType<TeamInfoResponse>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Info([FromQuery(Name = "team_id")] string? teamId, CancellationToken cancellationToken)
    {
        var result = await Mediator.Send(new GetTeamInfoQuery(teamId, Caller), cancellationToken);
        return Answer(result, d => new { team_id = d.Team.TeamId, team_info = d.Team, keys = d.Keys });
    }

    [HttpGet("/team/list")]
    [ProducesResponseType<IReadOnlyList<TeamInfo>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> List([FromQuery(Name = "organization_id")] string? organizationId, CancellationToken cancellationToken)
    {
        var result = await Mediator.Send(new ListTeamsQuery(organizationId, Caller), cancellationToken);
        return Answer(result, teams => teams);
    }

    [HttpPost("/team/delete")]
    [RequestBodySchema(typeof(TeamDeleteRequest))]
    [ProducesResponseType<TeamDeleteResponse>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Delete([FromBody] JsonElement body, CancellationToken cancellationToken)
    {
        if (!TryStrings(body, "team_ids", out var teamIds, out var failure))
        {
            return failure!;
        }

        var result = await Mediator.Send(new DeleteTeamsCommand(teamIds, Caller), cancellationToken);
        return Answer(result, deleted => new { deleted_teams = deleted });
    }

    [HttpPost("/team/member/add")]
    [RequestBodySchema(typeof(TeamMemberAddRequest))]
    [ProducesResponseType<TeamInfo>(StatusCodes.Status200OK)]
    public async Task<IActionResult> AddMember([FromBody] JsonElement body, CancellationToken cancellationToken)
    {
        if (!TryString(body, "team_id", out var teamId, out var failure))
        {
            return failure!;
        }

        List<TeamMember>? members = null;
        if (body.TryGetProperty("member", out var member) && member.ValueKind != JsonValueKind.Null)
        {
            var list = member.ValueKind == JsonValueKind.Array ? member : default;
            if (member.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
            {
                return Failure(Error.Validation("'member' must be an object {user_id, role} or a list of them.", "member"));
            }

            members = [];
            foreach (var item in member.ValueKind == JsonValueKind.Array ? list.EnumerateArray().ToList() : [member])
            {
                if (!TryRead<TeamMember>(item, out var one, out failure))
                {
                    return failure!;
                }

                members.Add(one);
            }
        }

        var result = await Mediator.Send(new AddTeamMembersCommand(teamId, members, Caller), cancellationToken);
        return Answer(result, team => team);
    }

    [HttpPost("/team/member/delete")]
    [RequestBodySchema(typeof(TeamMemberDeleteRequest))]
    [ProducesResponseType<TeamInfo>(StatusCodes.Status200OK)]
    public async Task<IActionResult> RemoveMember([FromBody] JsonElement body, CancellationToken cancellationToken)
    {
        if (!TryString(body, "team_id", out var teamId, out var failure) || !TryString(body, "user_id", out var userId, out failure))
        {
            return failure!;
        }

        var result = await Mediator.Send(new RemoveTeamMemberCommand(teamId, userId, Caller), cancellationToken);
        return Answer(result, team => team);
    }

    [HttpPost("/team/block")]
    [RequestBodySchema(typeof(TeamReference))]
    [ProducesResponseType<TeamInfo>(StatusCodes.Status200OK)]
    public Task<IActionResult> Block([FromBody] JsonElement body, CancellationToken cancellationToken) => SetBlocked(body, true, cancellationToken);

    [HttpPost("/team/unblock")]
    [RequestBodySchema(typeof(TeamReference))]
    [ProducesResponseType<TeamInfo>(StatusCodes.Status200OK)]
    public Task<IActionResult> Unblock([FromBody] JsonElement body, CancellationToken cancellationToken) => SetBlocked(body, false, cancellationToken);

    private async Task<IActionResult> SetBlocked(JsonElement body, bool blocked, CancellationToken cancellationToken)
    {
        if (!TryString(body, "team_id", out var teamId, out var failure))
        {
            return failure!;
        }

        var result = await Mediator.Send(new SetTeamBlockedCommand(teamId, blocked, Caller), cancellationToken);
        return Answer(result, team => team);
    }
}
