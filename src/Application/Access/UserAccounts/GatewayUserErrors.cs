using LlmPlatform.Domain.Common;

namespace LlmPlatform.Application.Access.UserAccounts;

/// <summary>The expected failures of the gateway-user dialect's account use cases.</summary>
public static class GatewayUserErrors
{
    /// <summary>The same answer for an unknown e-mail and a wrong password, so that nobody can learn who has an account.</summary>
    public static Error InvalidCredentials { get; } =
        Error.Unauthorized("Invalid email or password.") with { Code = "invalid_credentials" };

    public static Error EmailTaken { get; } =
        Error.Conflict("An account with this email already exists.") with { Code = "email_taken", Param = "email" };

    public static Error InviteRequired { get; } =
        Error.Forbidden("Registration on this gateway needs an invite: send the 'invite_token' an admin gave you.") with { Code = "invite_required", Param = "invite_token" };

    /// <summary>The same answer for an unknown, used, expired or someone else's invite.</summary>
    public static Error InvalidInvite { get; } =
        Error.Forbidden("The invite is not valid: it is unknown, used, expired or for another e-mail.") with { Code = "invalid_invite", Param = "invite_token" };

    public static Error NoUser { get; } =
        Error.Forbidden("This key belongs to no user: log in at /v1/users/login, or use one of a user's tokens.") with { Code = "no_user" };

    public static Error TokenNotFound(string tokenId) =>
        Error.NotFound("token_not_found", $"Token '{tokenId}' not found.") with { Param = "token_id" };

    public static Error ProviderKeyNotFound(string provider) =>
        Error.NotFound("provider_key_not_found", $"No key for provider '{provider}' is stored.") with { Param = "provider" };

    public static Error EncryptionNotConfigured { get; } =
        new(ErrorKind.Unavailable, "encryption_not_configured", "Provider keys cannot be stored: no encryption key is configured on this gateway.");
}
