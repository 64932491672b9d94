using System.Text.Json;
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

        return ToResult(await Mediator.Send(new CreateCredentialCommand(Caller, request.CredentialName, request.CredentialValues, info.Value), cancellationToken));
    }

    [HttpGet("/credentials/list")]
    [HttpGet("/credentials")]
    [ProducesResponseType<CredentialList>(StatusCodes.Status200OK)]
    public async Task<IActionResult> List(CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new ListCredentialsQuery(Caller), cancellationToken));

    [HttpGet("/credentials/info")]
    [ProducesResponseType<CredentialView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Info([FromQuery(Name = "credential_name")] string? credentialName, CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new GetCredentialQuery(Caller, credentialName), cancellationToken));

    [HttpGet("/credentials/info/{credentialName}")]
    [HttpGet("/credentials/by_name/{credentialName}")]
    [ProducesResponseType<CredentialView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> InfoByPath(string credentialName, CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new GetCredentialQuery(Caller, credentialName), cancellationToken));

    [HttpPatch("/credentials/update")]
    [ProducesResponseType<AdminMessage>(StatusCodes.Status200OK)]
    public Task<IActionResult> Update([FromBody] CredentialRequest request, CancellationToken cancellationToken) =>
        UpdateAsync(request.CredentialName, request, cancellationToken);

    [HttpPatch("/credentials/{credentialName}")]
    [ProducesResponseType<AdminMessage>(StatusCodes.Status200OK)]
    public Task<IActionResult> UpdateByPath(string credentialName, [FromBody] CredentialRequest request, CancellationToken cancellationToken) =>
        UpdateAsync(credentialName, request, cancellationToken);

    [HttpDelete("/credentials/delete")]
    [ProducesResponseType<AdminMessage>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Delete(
        [FromQuery(Name = "credential_name")] string? credentialName,
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] CredentialRequest? request,
        CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new DeleteCredentialCommand(Caller, credentialName ?? request?.CredentialName), cancellationToken));

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

    private static Result<string?> InfoJson(CredentialRequest request) => request.CredentialInfo switch
    {
        null or { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => Result<string?>.Success(null),
        { ValueKind: JsonValueKind.Object } info => info.GetRawText(),
        _ => Error.Validation("credential_info must be an object.", "credential_info"),
    };
}
