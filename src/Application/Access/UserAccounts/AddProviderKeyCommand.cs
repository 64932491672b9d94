using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.UserAccounts;

/// <summary><c>POST /v1/users/provider-keys</c>: stores (or replaces) the caller's user's own key for a provider.</summary>
public sealed record AddProviderKeyCommand(string? Provider, string? ApiKey, string? CredentialType, CallerIdentity Caller) : ICommand<ProviderKeyInfo>
{
    /// <summary>Leaves the secret out of the record's text, so that it cannot reach a log.</summary>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("Provider = ").Append(Provider);
        return true;
    }
}
