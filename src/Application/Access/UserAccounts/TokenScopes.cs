using System.Text.Json;

namespace LlmPlatform.Application.Access.UserAccounts;

/// <summary>
/// What a personal token's <c>scopes</c> allow: a token with <c>read</c> and without <c>write</c> may only read
/// (GET and HEAD); every other token, and every key that is not a personal token, is not limited by scopes.
/// </summary>
public static class TokenScopes
{
    public const string Read = "read";

    public const string Write = "write";

    /// <summary>Whether the key with this metadata is a personal token that may only read.</summary>
    public static bool IsReadOnly(string? metadataJson)
    {
        if (string.IsNullOrEmpty(metadataJson))
        {
            return false;
        }

        using var metadata = JsonDocument.Parse(metadataJson);
        var root = metadata.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty(TokenMetadata.Kind, out var kind) || kind.ValueKind != JsonValueKind.String || kind.GetString() != TokenMetadata.TokenKind
            || !root.TryGetProperty(TokenMetadata.Scopes, out var scopes) || scopes.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        var read = false;
        foreach (var scope in scopes.EnumerateArray())
        {
            if (scope.ValueKind == JsonValueKind.String)
            {
                var name = scope.GetString();
                if (name == Write)
                {
                    return false;
                }

                read |= name == Read;
            }
        }

        return read;
    }
}
