using LlmPlatform.Application.Access.Connector;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace LlmPlatform.Api.Controllers.Connector;

/// <summary>
/// The Connector dialect's api keys (seed 004), where a key is also a user: the admin API's keys and users underneath.
/// Admin keys (and the master key) only; the key itself is shown by apply and reset-key alone.
/// </summary>
[Tags("Connector keys")]
public sealed class ConnectorKeysController : ConnectorController
{
    public ConnectorKeysController(IMediator mediator)
        : base(mediator)
    {
    }

    /// <summary>Creates a key (and its user); the answer's <c>api_key</c> is shown this once.</summary>
    [HttpPost("/admin/api-key/apply")]
    [ProducesResponseType<ConnectorReply<ConnectorKey>>(StatusCodes.Status200OK)]
    public Task<IActionResult> Apply([FromBody] ApplyKeyRequest request, CancellationToken cancellationToken) =>
        SendAsync(new ApplyConnectorKeyCommand(request.Name, request.GroupId, request.Role, request.Email, request.MonthQuota, Caller), cancellationToken);

    [HttpPost("/admin/api-key/update")]
    [ProducesResponseType<ConnectorReply<ConnectorKey>>(StatusCodes.Status200OK)]
    public Task<IActionResult> Update([FromBody] UpdateKeyRequest request, CancellationToken cancellationToken) =>
        SendAsync(new UpdateConnectorKeyCommand(request.Id, request.Name, request.Role, request.GroupId, request.MonthQuota, Caller), cancellationToken);

    /// <summary>Adds USD to the key's balance, which raises what it may spend, and records the payment.</summary>
    [HttpPost("/admin/api-key/recharge")]
    [ProducesResponseType<ConnectorReply<ConnectorKey>>(StatusCodes.Status200OK)]
    public Task<IActionResult> Recharge([FromBody] RechargeKeyRequest request, CancellationToken cancellationToken) =>
        SendAsync(new RechargeConnectorKeyCommand(request.Id, request.ApiKey, request.Balance, Caller), cancellationToken);

    /// <summary>A new secret for the key, shown this once; the old one stops working at once.</summary>
    [HttpPost("/admin/api-key/reset-key")]
    [ProducesResponseType<ConnectorReply<ConnectorKey>>(StatusCodes.Status200OK)]
    public Task<IActionResult> Reset([FromBody] ConnectorIdRequest request, CancellationToken cancellationToken) =>
        SendAsync(new ResetConnectorKeyCommand(request.Id, Caller), cancellationToken);

    [HttpPost("/admin/api-key/delete")]
    [ProducesResponseType<ConnectorReply<bool>>(StatusCodes.Status200OK)]
    public Task<IActionResult> Delete([FromBody] ConnectorIdRequest request, CancellationToken cancellationToken) =>
        SendAsync(new DeleteConnectorKeyCommand(request.Id, Caller), cancellationToken);

    /// <summary>Keys, newest first; <c>q</c> searches names and emails.</summary>
    [HttpGet("/admin/api-key/list")]
    [ProducesResponseType<ConnectorReply<ConnectorPage<ConnectorKey>>>(StatusCodes.Status200OK)]
    public Task<IActionResult> List(
        [FromQuery] ConnectorListParameters query,
        [FromQuery(Name = "name")] string? name,
        [FromQuery(Name = "group_id")] long? groupId,
        [FromQuery(Name = "role")] string? role,
        CancellationToken cancellationToken) =>
        SendAsync(new ListConnectorKeysQuery(query.ToPaging(), string.IsNullOrEmpty(name) ? null : name, groupId, string.IsNullOrEmpty(role) ? null : role, Caller), cancellationToken);

    [HttpGet("/admin/api-key/detail/{id}")]
    [ProducesResponseType<ConnectorReply<ConnectorKey>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Detail(string id, CancellationToken cancellationToken)
    {
        var keyId = IdOf(id, "id");
        return keyId.IsSuccess ? await SendAsync(new GetConnectorKeyQuery(keyId.Value, Caller), cancellationToken) : Failure(keyId.Error!);
    }

    /// <summary>Authorises the model to the key, or withdraws it if it was: <c>created</c> or <c>deleted</c>.</summary>
    [HttpPost("/admin/api-key/bind-or-unbind-model")]
    [ProducesResponseType<ConnectorReply<string>>(StatusCodes.Status200OK)]
    public Task<IActionResult> BindModel([FromBody] KeyModelRequest request, CancellationToken cancellationToken) =>
        SendAsync(new ToggleConnectorKeyModelCommand(request.KeyId, request.ModelId, Caller), cancellationToken);

    [HttpGet("/admin/api-key/list-model")]
    [ProducesResponseType<ConnectorReply<ConnectorPage<ConnectorModelLink>>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> ListModels([FromQuery(Name = "key_id")] long? keyId, CancellationToken cancellationToken) =>
        keyId is null
            ? Failure(Domain.Common.Error.Missing("key_id"))
            : await SendAsync(new ListConnectorKeyModelsQuery(keyId, Caller), cancellationToken);

    /// <summary>Recharges, newest first, of one key (<c>key_id</c>) or of all.</summary>
    [HttpGet("/admin/payment/list")]
    [ProducesResponseType<ConnectorReply<ConnectorPage<ConnectorPayment>>>(StatusCodes.Status200OK)]
    public Task<IActionResult> Payments([FromQuery] ConnectorListParameters query, [FromQuery(Name = "key_id")] long? keyId, CancellationToken cancellationToken) =>
        SendAsync(new ListConnectorPaymentsQuery(keyId, query.ToPaging(), Caller), cancellationToken);
}
