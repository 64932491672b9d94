using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.UserAccounts;

/// <summary>
/// <c>POST /v1/users/login</c>: a new day-long key of the user whose e-mail and password these are.
/// <paramref name="ClientAddress"/> is where the attempt came from, for the limit on failed logins per address.
/// </summary>
public sealed record LoginUserCommand(string? Email, string? Password, string? ClientAddress = null) : ICommand<UserSession>
{
    /// <summary>Leaves the secret out of the record's text, so that it cannot reach a log.</summary>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("Email = ").Append(Email).Append(", ClientAddress = ").Append(ClientAddress);
        return true;
    }
}
