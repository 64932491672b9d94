using System.Text.Json;
using LlmPlatform.Domain.Access;

namespace LlmPlatform.Application.Access.Credentials;

/// <summary>A credential as the API shows it: the name, the info, and the values masked (<c>sk-...abcd</c>).</summary>
public sealed record CredentialView
{
    public required string CredentialName { get; init; }

    /// <summary>The same name, under the field seed 000 identifies a credential by.</summary>
    public string CredentialId => CredentialName;

    /// <summary>The provider the credential is for (<c>credential_info.custom_llm_provider</c>), when known.</summary>
    public string? Provider { get; init; }

    public required IReadOnlyDictionary<string, string> CredentialValues { get; init; }

    public required JsonElement CredentialInfo { get; init; }

    public static CredentialView Of(Credential credential)
    {
        var masked = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (field, value) in credential.Values)
        {
            masked[field] = Credential.Mask(field, value);
        }

        using var info = JsonDocument.Parse(credential.InfoJson);
        var provider = info.RootElement.ValueKind == JsonValueKind.Object
            && info.RootElement.TryGetProperty("custom_llm_provider", out var given)
            && given.ValueKind == JsonValueKind.String
                ? given.GetString()
                : null;
        return new CredentialView
        {
            CredentialName = credential.Name,
            Provider = provider,
            CredentialValues = masked,
            CredentialInfo = info.RootElement.Clone(),
        };
    }
}
