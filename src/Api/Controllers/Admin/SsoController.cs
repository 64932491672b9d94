using System.Security.Cryptography;
using System.Text.Json;
using LlmPlatform.Api.Authentication.Sso;
using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Access.Keys;
using LlmPlatform.Application.Access.Users;
using LlmPlatform.Domain.Common;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace LlmPlatform.Api.Controllers.Admin;

/// <summary>
/// Seed 000's SSO: <c>GET /sso/login</c> sends the browser to the identity provider; <c>GET /sso/callback</c> takes
/// the provider's code, finds or creates the user, and answers <c>{token, user_info}</c> with a new key of that user
/// that lasts a day (aliased <c>sso-session-...</c>; key aliases are unique). Both need no key: the provider vouches for who logs in.
/// </summary>
[AllowAnonymous]
[Tags("SSO")]
public sealed class SsoController : DialectController
{
    /// <summary>How long the key a login answers with lasts.</summary>
    public const string SessionDuration = "24h";

    /// <summary>Acts for the login on the user and key commands, once the provider has said who logs in.</summary>
    private static readonly CallerIdentity LoginService = new() { KeyHash = "sso-login", KeyAlias = "sso", Role = Roles.ProxyAdmin };

    private readonly SsoIdentityProvider _provider;
    private readonly TimeProvider _time;

    public SsoController(IMediator mediator, SsoIdentityProvider provider, TimeProvider time)
        : base(mediator)
    {
        _provider = provider;
        _time = time;
    }

    [HttpGet("/sso/login")]
    [ProducesResponseType(StatusCodes.Status302Found)]
    [ProducesResponseType<Errors.ErrorEnvelope>(StatusCodes.Status404NotFound)]
    public IActionResult Login()
    {
        if (_provider.Settings is not { } settings)
        {
            return Failure(NotConfigured);
        }

        return Redirect(_provider.LoginUrl(settings, SsoState.Issue(settings.StateKey, _time.GetUtcNow())).ToString());
    }

    [HttpGet("/sso/callback")]
    [ProducesResponseType<SsoLogin>(StatusCodes.Status200OK)]
    [ProducesResponseType<Errors.ErrorEnvelope>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<Errors.ErrorEnvelope>(StatusCodes.Status502BadGateway)]
    public async Task<IActionResult> Callback(
        [FromQuery] string? code,
        [FromQuery] string? state,
        [FromQuery] string? error,
        CancellationToken cancellationToken)
    {
        if (_provider.Settings is not { } settings)
        {
            return Failure(NotConfigured);
        }

        if (error is not null)
        {
            return Failure(Error.Unauthorized($"The identity provider refused the login ({error}).") with { Code = "sso_login_refused" });
        }

        if (!SsoState.IsValid(settings.StateKey, state, _time.GetUtcNow()))
        {
            return Failure(Error.Validation("The login's 'state' is missing, forged or expired; start again at /sso/login.", "state") with { Code = "invalid_state" });
        }

        if (string.IsNullOrEmpty(code))
        {
            return Failure(Error.Missing("code"));
        }

        var user = await _provider.UserOfAsync(settings, code, cancellationToken);
        if (!user.IsSuccess)
        {
            return Failure(user.Error!);
        }

        var userId = Text(user.Value, settings.UserIdAttribute);
        if (userId is null)
        {
            return Failure(new Error(ErrorKind.Upstream, "sso_provider_error", $"The identity provider's user info has no '{settings.UserIdAttribute}'.", null, 502));
        }

        var details = await FindOrCreateAsync(userId, Text(user.Value, settings.EmailAttribute), cancellationToken);
        if (!details.IsSuccess)
        {
            return Failure(details.Error!);
        }

        var key = await Mediator.Send(new GenerateKeyCommand(new KeyFields { UserId = userId, KeyAlias = "sso-session-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)), Duration = SessionDuration }, null, LoginService), cancellationToken);
        return ToResult(key.Map(generated => new SsoLogin(generated.Key, new SsoUserInfo(details.Value.UserId, details.Value.UserEmail, details.Value.UserRole))));
    }

    private static Error NotConfigured => Error.NotFound("sso_not_configured", "Single sign-on is not configured on this gateway (set GENERIC_CLIENT_ID and the GENERIC_* endpoints).");

    private async Task<Result<UserInfo>> FindOrCreateAsync(string userId, string? email, CancellationToken cancellationToken)
    {
        var found = await Mediator.Send(new GetUserInfoQuery(userId, LoginService), cancellationToken);
        if (found.IsSuccess)
        {
            return found.Value.User;
        }

        if (found.Error!.Kind != ErrorKind.NotFound)
        {
            return found.Error;
        }

        var fields = new UserFields { UserId = userId, UserEmail = email, UserRole = Roles.InternalUser, AutoCreateKey = false };
        var created = await Mediator.Send(new CreateUserCommand(fields, LoginService), cancellationToken);
        return created.Map(c => c.User);
    }

    private static string? Text(JsonElement user, string attribute) =>
        user.TryGetProperty(attribute, out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.Number && value.ToString() is { Length: > 0 } text
            ? text
            : null;
}

/// <summary>The answer of <c>/sso/callback</c>: a key of the user who logged in, and who that is.</summary>
public sealed record SsoLogin(string Token, SsoUserInfo UserInfo);

/// <summary>The user an SSO login belongs to.</summary>
public sealed record SsoUserInfo(string UserId, string? UserEmail, string UserRole);
