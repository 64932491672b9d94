using System.Text.Json;
using LlmPlatform.Domain.Access;

namespace LlmPlatform.Application.Access.Credentials;

/// <summary>A credential as the API shows it: the name, the info, and the values masked (<c>sk-...abcd</c>).</summary>
public sealed record CredentialView
{
    public required string CredentialName { get; init; }

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
        return new CredentialView
        {
            CredentialName = credential.Name,
            CredentialValues = masked,
            CredentialInfo = info.RootElement.Clone(),
        };
    }
}
