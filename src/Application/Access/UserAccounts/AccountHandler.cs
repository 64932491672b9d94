using System.Security.Cryptography;
using System.Text.Json;
using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Access.Keys;
using LlmPlatform.Application.Access.Users;
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
    private readonly IUserStore _users;
    private readonly TimeProvider _time;

    public AccountHandler(IMediator mediator, IUserLoginStore logins, IUserStore users, TimeProvider time)
    {
        _mediator = mediator;
        _logins = logins;
        _users = users;
        _time = time;
    }

    public async Task<Result<UserSession>> Handle(RegisterUserCommand request, CancellationToken cancellationToken)
    {
        var email = request.Email!.Trim();
        if (await _logins.FindByEmailAsync(email, cancellationToken).ConfigureAwait(false) is not null)
        {
            return GatewayUserErrors.EmailTaken;
        }

        var fields = new UserFields
        {
            UserId = Guid.NewGuid().ToString(),
            UserEmail = email,
            UserAlias = request.DisplayName,
            UserRole = Roles.InternalUser,
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

    public async Task<Result<UserSession>> Handle(LoginUserCommand request, CancellationToken cancellationToken)
    {
        var login = await _logins.FindByEmailAsync(request.Email!.Trim(), cancellationToken).ConfigureAwait(false);
        if (!PasswordHash.Verify(request.Password!, login?.PasswordHash) || login is null)
        {
            return GatewayUserErrors.InvalidCredentials;
        }

        var user = await _users.FindAsync(login.UserId, cancellationToken).ConfigureAwait(false);
        if (user is null)
        {
            return GatewayUserErrors.InvalidCredentials;
        }

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
