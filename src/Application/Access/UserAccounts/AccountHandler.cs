using System.Security.Cryptography;
using System.Text.Json;
using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Access.Keys;
using LlmPlatform.Application.Access.Users;
using LlmPlatform.Application.Configuration;
using LlmPlatform.Domain.Access;
using LlmPlatform.Domain.Common;
using MediatR;

namespace LlmPlatform.Application.Access.UserAccounts;

/// <summary>
/// E-mail accounts of the gateway-user dialect. A user is the admin API's user (with its <c>user_email</c>); a login
/// answers with a new key of that user that lasts a day, made by the key use case as the SSO login does.
/// </summary>
internal sealed class AccountHandler :
    IRequestHandler<RegisterUserCommand, Result<UserSession>>,
    IRequestHandler<LoginUserCommand, Result<UserSession>>,
    IRequestHandler<GetMyProfileQuery, Result<UserProfile>>,
    IRequestHandler<UpdateMyProfileCommand, Result<UserProfile>>
{
    /// <summary>How long the key a login answers with lasts.</summary>
    public const string SessionDuration = "24h";

    /// <summary>Acts for register and login on the user and key use cases, once the password has been checked.</summary>
    private static readonly CallerIdentity LoginService = new() { KeyHash = "user-login", KeyAlias = "user-login", Role = Roles.ProxyAdmin };

    private readonly IMediator _mediator;
    private readonly IUserLoginStore _logins;
    private readonly IUserInviteStore _invites;
    private readonly IUserStore _users;
    private readonly AccountThrottle _throttle;
    private readonly PlatformConfiguration _configuration;
    private readonly TimeProvider _time;

    public AccountHandler(
        IMediator mediator,
        IUserLoginStore logins,
        IUserInviteStore invites,
        IUserStore users,
        AccountThrottle throttle,
        PlatformConfiguration configuration,
        TimeProvider time)
    {
        _mediator = mediator;
        _logins = logins;
        _invites = invites;
        _users = users;
        _throttle = throttle;
        _configuration = configuration;
        _time = time;
    }

    public async Task<Result<UserSession>> Handle(RegisterUserCommand request, CancellationToken cancellationToken)
    {
        if (await _throttle.RegistrationAsync(request.ClientAddress, cancellationToken).ConfigureAwait(false) is { } throttled)
        {
            return throttled;
        }

        var email = request.Email!.Trim();
        if (await _logins.FindByEmailAsync(email, cancellationToken).ConfigureAwait(false) is not null)
        {
            return GatewayUserErrors.EmailTaken;
        }

        // With invites required, the invite is used before the user exists, so that two registrations can never share
        // one; it is given back if the registration fails after that.
        string? invite = null;
        if (_configuration.General.Accounts.InviteRequired)
        {
            if (request.InviteToken is not { Length: > 0 } token)
            {
                return GatewayUserErrors.InviteRequired;
            }

            invite = KeySecret.Hash(token);
            if (!await _invites.TryUseAsync(invite, email, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false))
            {
                return GatewayUserErrors.InvalidInvite;
            }
        }

        var registered = await CreateAsync(request, email, cancellationToken).ConfigureAwait(false);
        if (!registered.IsSuccess && invite is not null)
        {
            await _invites.ReleaseAsync(invite, CancellationToken.None).ConfigureAwait(false);
        }

        return registered;
    }

    public async Task<Result<UserSession>> Handle(LoginUserCommand request, CancellationToken cancellationToken)
    {
        var email = request.Email!.Trim();
        var attempt = await _throttle.LoginAsync(email, request.ClientAddress, cancellationToken).ConfigureAwait(false);
        if (!attempt.IsSuccess)
        {
            return attempt.Error!;
        }

        var login = await _logins.FindByEmailAsync(email, cancellationToken).ConfigureAwait(false);
        if (!PasswordHash.Verify(request.Password!, login?.PasswordHash) || login is null)
        {
            return GatewayUserErrors.InvalidCredentials;
        }

        var user = await _users.FindAsync(login.UserId, cancellationToken).ConfigureAwait(false);
        if (user is null)
        {
            return GatewayUserErrors.InvalidCredentials;
        }

        await _throttle.SucceededAsync(attempt.Value, CancellationToken.None).ConfigureAwait(false);
        return await SessionOfAsync(user, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Result<UserProfile>> Handle(GetMyProfileQuery request, CancellationToken cancellationToken)
    {
        if (request.Caller.UserId is not { Length: > 0 } userId)
        {
            return GatewayUserErrors.NoUser;
        }

        var user = await _users.FindAsync(userId, cancellationToken).ConfigureAwait(false);
        return user is null ? AdminErrors.UserNotFound(userId) : UserProfile.Of(user);
    }

    public async Task<Result<UserProfile>> Handle(UpdateMyProfileCommand request, CancellationToken cancellationToken)
    {
        if (request.Caller.UserId is not { Length: > 0 } userId)
        {
            return GatewayUserErrors.NoUser;
        }

        var fields = new UserFields { UserId = userId, UserAlias = request.DisplayName };
        var updated = await _mediator.Send(new UpdateUserCommand(fields, request.Caller), cancellationToken).ConfigureAwait(false);
        return updated.Map(UserProfile.Of);
    }

    /// <summary>
    /// Creates the user, with <c>litellm_settings.max_internal_user_budget</c> and
    /// <c>internal_user_budget_duration</c> as its budget, then its login, and logs it in.
    /// </summary>
    private async Task<Result<UserSession>> CreateAsync(RegisterUserCommand request, string email, CancellationToken cancellationToken)
    {
        var settings = _configuration.Gateway;
        var fields = new UserFields
        {
            UserId = Guid.NewGuid().ToString(),
            UserEmail = email,
            UserAlias = request.DisplayName,
            UserRole = Roles.InternalUser,
            MaxBudget = settings.MaxInternalUserBudget,
            BudgetDuration = settings.MaxInternalUserBudget is null ? null : settings.InternalUserBudgetDuration,
            AutoCreateKey = false,
        };
        var created = await _mediator.Send(new CreateUserCommand(fields, LoginService), cancellationToken).ConfigureAwait(false);
        if (!created.IsSuccess)
        {
            return created.Error!;
        }

        var user = created.Value.User;
        var login = new UserLogin(user.UserId, email, PasswordHash.Create(request.Password!), _time.GetUtcNow());
        if (!await _logins.InsertAsync(login, cancellationToken).ConfigureAwait(false))
        {
            // Another registration took the e-mail in the meantime.
            await _users.DeleteAsync([user.UserId], CancellationToken.None).ConfigureAwait(false);
            return GatewayUserErrors.EmailTaken;
        }

        return await SessionOfAsync(user, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Result<UserSession>> SessionOfAsync(UserInfo user, CancellationToken cancellationToken)
    {
        var fields = new KeyFields
        {
            UserId = user.UserId,
            KeyAlias = "user-session-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
            Duration = SessionDuration,
            Metadata = new Dictionary<string, JsonElement>(StringComparer.Ordinal) { [TokenMetadata.Kind] = JsonSerializer.SerializeToElement(TokenMetadata.SessionKind) },
        };
        var key = await _mediator.Send(new GenerateKeyCommand(fields, null, LoginService), cancellationToken).ConfigureAwait(false);
        return key.Map(generated => new UserSession(generated.Key, UserProfile.Of(user)));
    }
}
