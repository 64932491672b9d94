using LlmPlatform.Application.Access.UserAccounts;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace LlmPlatform.Api.Controllers.GatewayUser;

/// <summary>
/// The gateway-user dialect's accounts (seed 003): e-mail registration and login, which answer with a key of the
/// user lasting a day; the caller's profile; personal tokens (more keys of the user); and the user's own provider
/// keys, stored encrypted and shown masked.
/// </summary>
[Tags("Gateway users")]
[ProducesResponseType<Errors.ErrorEnvelope>(StatusCodes.Status403Forbidden)]
[ProducesResponseType<Errors.ErrorEnvelope>(StatusCodes.Status404NotFound)]
public sealed class UsersController : DialectController
{
    public UsersController(IMediator mediator)
        : base(mediator)
    {
    }

    /// <summary>
    /// Creates a user with an e-mail login and logs it in. With <c>general_settings.invite_required</c>, only with an
    /// unused <c>invite_token</c> (403 otherwise); the user gets <c>litellm_settings.max_internal_user_budget</c>. More
    /// than <c>register_max_per_ip</c> attempts from one address in a window get 429.
    /// </summary>
    [AllowAnonymous]
    [HttpPost("/v1/users/register")]
    [ProducesResponseType<UserSession>(StatusCodes.Status200OK)]
    [ProducesResponseType<Errors.ErrorEnvelope>(StatusCodes.Status409Conflict)]
    [ProducesResponseType<Errors.ErrorEnvelope>(StatusCodes.Status429TooManyRequests)]
    public async Task<IActionResult> Register([FromBody] RegisterRequest request, CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new RegisterUserCommand(request.Email, request.Password, request.InviteToken, request.DisplayName, HttpContext.Connection.RemoteIpAddress?.ToString()), cancellationToken));

    /// <summary>
    /// Logs in with e-mail and password; an unknown e-mail and a wrong password get the same 401. Too many failures
    /// for one e-mail or from one address get 429 with <c>Retry-After</c> until the window ends.
    /// </summary>
    [AllowAnonymous]
    [HttpPost("/v1/users/login")]
    [ProducesResponseType<UserSession>(StatusCodes.Status200OK)]
    [ProducesResponseType<Errors.ErrorEnvelope>(StatusCodes.Status429TooManyRequests)]
    public async Task<IActionResult> Login([FromBody] LoginRequest request, CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new LoginUserCommand(request.Email, request.Password, HttpContext.Connection.RemoteIpAddress?.ToString()), cancellationToken));

    /// <summary>Creates a one-time invite to register (admins); the answer is the only time its token is shown.</summary>
    [HttpPost("/v1/users/invites")]
    [ProducesResponseType<InviteCreated>(StatusCodes.Status200OK)]
    public async Task<IActionResult> CreateInvite(
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] CreateInviteRequest? request,
        CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new CreateInviteCommand(request?.Email, request?.ExpiresDays, Caller), cancellationToken));

    [HttpGet("/v1/users/me")]
    [ProducesResponseType<UserProfile>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Me(CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new GetMyProfileQuery(Caller), cancellationToken));

    [HttpPatch("/v1/users/me")]
    [ProducesResponseType<UserProfile>(StatusCodes.Status200OK)]
    public async Task<IActionResult> UpdateMe([FromBody] UpdateProfileRequest request, CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new UpdateMyProfileCommand(request.DisplayName, Caller), cancellationToken));

    [HttpGet("/v1/users/tokens")]
    [ProducesResponseType<TokenList>(StatusCodes.Status200OK)]
    public async Task<IActionResult> ListTokens(CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new ListUserTokensQuery(Caller), cancellationToken));

    /// <summary>Creates a personal token (a key of the caller's user); the answer is the only time it is shown.</summary>
    [HttpPost("/v1/users/tokens")]
    [ProducesResponseType<TokenCreated>(StatusCodes.Status200OK)]
    public async Task<IActionResult> CreateToken(
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] CreateTokenRequest? request,
        CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new CreateUserTokenCommand(request?.Name, request?.Scopes, request?.ExpiresDays, Caller), cancellationToken));

    [HttpDelete("/v1/users/tokens/{tokenId}")]
    [ProducesResponseType<TokenRevoked>(StatusCodes.Status200OK)]
    public async Task<IActionResult> RevokeToken(string tokenId, CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new RevokeUserTokenCommand(tokenId, Caller), cancellationToken));

    [HttpGet("/v1/users/provider-keys")]
    [ProducesResponseType<ProviderKeyList>(StatusCodes.Status200OK)]
    public async Task<IActionResult> ListProviderKeys(CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new ListProviderKeysQuery(Caller), cancellationToken));

    /// <summary>Stores (or replaces) the caller's own key for a provider, encrypted; the answer shows it masked.</summary>
    [HttpPost("/v1/users/provider-keys")]
    [ProducesResponseType<ProviderKeyInfo>(StatusCodes.Status200OK)]
    [ProducesResponseType<Errors.ErrorEnvelope>(StatusCodes.Status503ServiceUnavailable)]
    public async Task<IActionResult> AddProviderKey([FromBody] ProviderKeyRequest request, CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new AddProviderKeyCommand(request.Provider, request.ApiKey, request.CredentialType, Caller), cancellationToken));

    [HttpDelete("/v1/users/provider-keys/{provider}")]
    [ProducesResponseType<ProviderKeyDeleted>(StatusCodes.Status200OK)]
    public async Task<IActionResult> DeleteProviderKey(string provider, CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new DeleteProviderKeyCommand(provider, Caller), cancellationToken));
}
