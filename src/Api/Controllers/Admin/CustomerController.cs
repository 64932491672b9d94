using System.Text.Json;
using LlmPlatform.Api.Controllers.Admin.Docs;
using LlmPlatform.Api.Hosting;
using LlmPlatform.Application.Access.EndUsers;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace LlmPlatform.Api.Controllers.Admin;

/// <summary>LiteLLM's end-user endpoints: <c>/customer/*</c> (the <c>user</c> of a request).</summary>
public sealed class CustomerController : AdminController
{
    public CustomerController(IMediator mediator)
        : base(mediator)
    {
    }

    [HttpPost("/customer/new")]
    [RequestBodySchema(typeof(EndUserFields))]
    [ProducesResponseType<EndUserInfo>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Create([FromBody] JsonElement body, CancellationToken cancellationToken)
    {
        if (!TryRead<EndUserFields>(body, out var fields, out var failure))
        {
            return failure!;
        }

        var result = await Mediator.Send(new CreateEndUserCommand(fields, Caller), cancellationToken);
        return Answer(result, endUser => endUser);
    }

    [HttpPost("/customer/update")]
    [RequestBodySchema(typeof(EndUserFields))]
    [ProducesResponseType<EndUserInfo>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Update([FromBody] JsonElement body, CancellationToken cancellationToken)
    {
        if (!TryRead<EndUserFields>(body, out var fields, out var failure))
        {
            return failure!;
        }

        var result = await Mediator.Send(new UpdateEndUserCommand(fields, Caller), cancellationToken);
        return Answer(result, endUser => endUser);
    }

    [HttpGet("/customer/info")]
    [ProducesResponseType<EndUserInfo>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Info([FromQuery(Name = "end_user_id")] string? endUserId, CancellationToken cancellationToken)
    {
        var result = await Mediator.Send(new GetEndUserQuery(endUserId, Caller), cancellationToken);
        return Answer(result, endUser => endUser);
    }

    [HttpGet("/customer/list")]
    [ProducesResponseType<IReadOnlyList<EndUserInfo>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> List(CancellationToken cancellationToken)
    {
        var result = await Mediator.Send(new ListEndUsersQuery(Caller), cancellationToken);
        return Answer(result, endUsers => endUsers);
    }

    [HttpPost("/customer/delete")]
    [RequestBodySchema(typeof(UserIdsRequest))]
    [ProducesResponseType<CustomerDeleteResponse>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Delete([FromBody] JsonElement body, CancellationToken cancellationToken)
    {
        if (!TryStrings(body, "user_ids", out var userIds, out var failure))
        {
            return failure!;
        }

        var result = await Mediator.Send(new DeleteEndUsersCommand(userIds, Caller), cancellationToken);
        return Answer(result, deleted => new { deleted_customers = deleted });
    }

    [HttpPost("/customer/block")]
    [RequestBodySchema(typeof(UserIdsRequest))]
    [ProducesResponseType<CustomerBlockResponse>(StatusCodes.Status200OK)]
    public Task<IActionResult> Block([FromBody] JsonElement body, CancellationToken cancellationToken) => SetBlocked(body, true, cancellationToken);

    [HttpPost("/customer/unblock")]
    [RequestBodySchema(typeof(UserIdsRequest))]
    [ProducesResponseType<CustomerUnblockResponse>(StatusCodes.Status200OK)]
    public Task<IActionResult> Unblock([FromBody] JsonElement body, CancellationToken cancellationToken) => SetBlocked(body, false, cancellationToken);

    private async Task<IActionResult> SetBlocked(JsonElement body, bool blocked, CancellationToken cancellationToken)
    {
        if (!TryStrings(body, "user_ids", out var userIds, out var failure))
        {
            return failure!;
        }

        var result = await Mediator.Send(new SetEndUsersBlockedCommand(userIds, blocked, Caller), cancellationToken);
        return Answer(result, ids => blocked ? (object)new { blocked_users = ids } : new { unblocked_users = ids });
    }
}
