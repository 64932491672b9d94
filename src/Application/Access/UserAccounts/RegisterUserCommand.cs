using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.UserAccounts;

/// <summary>
/// <c>POST /v1/users/register</c>: a new user with an e-mail login, logged in at once. With
/// <c>general_settings.invite_required</c>, only with an unused invite. <paramref name="ClientAddress"/> is where the
/// attempt came from, for the limit on registrations per address.
/// </summary>
public sealed record RegisterUserCommand(string? Email, string? Password, string? InviteToken, string? DisplayName, string? ClientAddress = null) : ICommand<UserSession>
{
    /// <summary>Leaves the secret out of the record's text, so that it cannot reach a log.</summary>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("Email = ").Append(Email).Append(", DisplayName = ").Append(DisplayName).Append(", InviteToken = ").Append(InviteToken is null ? "null" : "***")
            .Append(", ClientAddress = ").Append(ClientAddress);
        return true;
    }
}
