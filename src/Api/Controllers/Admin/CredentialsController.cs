using System.Text.Json;
using System.Text.Json.Nodes;
using LlmPlatform.Application.Access.Credentials;
using LlmPlatform.Application.Access.Credentials.CreateCredential;
using LlmPlatform.Application.Access.Credentials.DeleteCredential;
using LlmPlatform.Application.Access.Credentials.GetCredential;
using LlmPlatform.Application.Access.Credentials.ListCredentials;
using LlmPlatform.Application.Access.Credentials.UpdateCredential;
using LlmPlatform.Application.Common.Authorization;
using LlmPlatform.Domain.Common;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace LlmPlatform.Api.Controllers.Admin;

/// <summary>LiteLLM's credential management: reusable provider secrets, encrypted at rest, never shown in clear.</summary>
[Tags("Credentials")]
public sealed class CredentialsController : DialectController
{
    public CredentialsController(IMediator mediator)
        : base(mediator)
    {
    }

    [HttpPost("/credentials/new")]
    [HttpPost("/credentials")]
    [ProducesResponseType<AdminMessage>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Create([FromBody] CredentialRequest request, CancellationToken cancellationToken)
    {
        var info = InfoJson(request);
        if (!info.IsSuccess)
        {
            return Failure(info.Error!);
        }

        return ToResult(await Mediator.Send(new CreateCredentialCommand(Caller, request.NameGiven(), request.CredentialValues, info.Value), cancellationToken));
    }

    [HttpGet("/credentials/list")]
    [HttpGet("/credentials")]
    [ProducesResponseType<IReadOnlyList<CredentialView>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> List(CancellationToken cancellationToken) =>
        ToResult((await Mediator.Send(new ListCredentialsQuery(Caller), cancellationToken)).Map(list => list.Credentials));

    [HttpGet("/credentials/info")]
    [ProducesResponseType<CredentialView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Info(
        [FromQuery(Name = "credential_name")] string? credentialName,
        [FromQuery(Name = "credential_id")] string? credentialId,
        CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new GetCredentialQuery(Caller, credentialName ?? credentialId), cancellationToken));

    [HttpGet("/credentials/info/{credentialName}")]
    [HttpGet("/credentials/by_name/{credentialName}")]
    [ProducesResponseType<CredentialView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> InfoByPath(string credentialName, CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new GetCredentialQuery(Caller, credentialName), cancellationToken));

    [HttpPatch("/credentials/update")]
    [ProducesResponseType<AdminMessage>(StatusCodes.Status200OK)]
    public Task<IActionResult> Update([FromBody] CredentialRequest request, CancellationToken cancellationToken) =>
        UpdateAsync(request.NameGiven(), request, cancellationToken);

    [HttpPatch("/credentials/{credentialName}")]
    [ProducesResponseType<AdminMessage>(StatusCodes.Status200OK)]
    public Task<IActionResult> UpdateByPath(string credentialName, [FromBody] CredentialRequest request, CancellationToken cancellationToken) =>
        UpdateAsync(credentialName, request, cancellationToken);

    [HttpDelete("/credentials/delete")]
    [ProducesResponseType<AdminMessage>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Delete(
        [FromQuery(Name = "credential_name")] string? credentialName,
        [FromQuery(Name = "credential_id")] string? credentialId,
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] CredentialRequest? request,
        CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new DeleteCredentialCommand(Caller, credentialName ?? credentialId ?? request?.NameGiven()), cancellationToken));

    [HttpDelete("/credentials/{credentialName}")]
    [ProducesResponseType<AdminMessage>(StatusCodes.Status200OK)]
    public async Task<IActionResult> DeleteByPath(string credentialName, CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new DeleteCredentialCommand(Caller, credentialName), cancellationToken));

    private async Task<IActionResult> UpdateAsync(string? credentialName, CredentialRequest request, CancellationToken cancellationToken)
    {
        var info = InfoJson(request);
        if (!info.IsSuccess)
        {
            return Failure(info.Error!);
        }

        return ToResult(await Mediator.Send(new UpdateCredentialCommand(Caller, credentialName, request.CredentialValues, info.Value), cancellationToken));
    }

    /// <summary><c>credential_info</c> as JSON text, with <c>provider</c> kept as its <c>custom_llm_provider</c>.</summary>
    private static Result<string?> InfoJson(CredentialRequest request)
    {
        var given = request.CredentialInfo;
        if (given is { ValueKind: not (JsonValueKind.Object or JsonValueKind.Null or JsonValueKind.Undefined) })
        {
            return Error.Validation("credential_info must be an object.", "credential_info");
        }

        var info = given is { ValueKind: JsonValueKind.Object } value ? JsonNode.Parse(value.GetRawText()) as JsonObject : null;
        if (!string.IsNullOrWhiteSpace(request.Provider))
        {
            info ??= new JsonObject();
            info["custom_llm_provider"] = request.Provider;
        }

        return info?.ToJsonString();
    }
}
