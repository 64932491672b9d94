using System.Text.Json;
using LlmPlatform.Api.Controllers.Admin.Docs;
using LlmPlatform.Api.Hosting;
using LlmPlatform.Application.Access.Users;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace LlmPlatform.Api.Controllers.Admin;

/// <summary>LiteLLM's user endpoints: <c>/user/*</c>.</summary>
public sealed class UserController : AdminController
{
    public UserController(IMediator mediator)
        : base(mediator)
    {
    }

    [HttpPost("/user/new")]
    [RequestBodySchema(typeof(UserFields))]
    [ResponseBodySchema(typeof(UserInfo), "key")]
    public async Task<IActionResult> Create([FromBody] JsonElement body, CancellationToken cancellationToken)
    {
        if (!TryRead<UserFields>(body, out var fields, out var failure))
        {
            return failure!;
        }

        var result = await Mediator.Send(new CreateUserCommand(fields, Caller), cancellationToken);
        return Answer(result, created => Shape(created.User, ("key", created.Key)));
    }

    [HttpPost("/user/update")]
    [RequestBodySchema(typeof(UserFields))]
    [ProducesResponseType<UserUpdateResponse>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Update([FromBody] JsonElement body, CancellationToken cancellationToken)
    {
        if (!TryRead<UserFields>(body, out var fields, out var failure))
        {
            return failure!;
        }

        var result = await Mediator.Send(new UpdateUserCommand(fields, Caller), cancellationToken);
        return Answer(result, user => new { user_id = user.UserId, data = user });
    }

    [HttpGet("/user/info")]
    [ProducesResponseType<UserInfoResponse>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Info([FromQuery(Name = "user_id")] string? userId, CancellationToken cancellationToken)
    {
        var result = await Mediator.Send(new GetUserInfoQuery(userId, Caller), cancellationToken);
        return Answer(result, d => new { user_id = d.User.UserId, user_info = d.User, keys = d.Keys, teams = d.Teams });
    }

    [HttpGet("/user/list")]
    [ProducesResponseType<UserPage>(StatusCodes.Status200OK)]
    public async Task<IActionResult> List(
        [FromQuery(Name = "role")] string? role,
        [FromQuery(Name = "page")] int? page,
        [FromQuery(Name = "page_size")] int? pageSize,
        CancellationToken cancellationToken)
    {
        var result = await Mediator.Send(new ListUsersQuery(role, page ?? 1, pageSize ?? 25, Caller), cancellationToken);
        return Answer(result, p => new { users = p.Users, total = p.Total, page = p.Page, page_size = p.PageSize, total_pages = p.TotalPages });
    }

    [HttpPost("/user/delete")]
    [RequestBodySchema(typeof(UserIdsRequest))]
    [ProducesResponseType<UserDeleteResponse>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Delete([FromBody] JsonElement body, CancellationToken cancellationToken)
    {
        if (!TryStrings(body, "user_ids", out var userIds, out var failure))
        {
            return failure!;
        }

        var result = await Mediator.Send(new DeleteUsersCommand(userIds, Caller), cancellationToken);
        return Answer(result, deleted => new { deleted_users = deleted });
    }
}
