namespace LlmPlatform.Application.Access.UserAccounts;

/// <summary>
/// Users' own provider keys, encrypted at rest. The API only ever shows a masked form; <see cref="SecretsAsync"/>
/// serves the gateway, which calls with them.
/// </summary>
public interface IProviderKeyStore
{
    /// <summary>Whether an encryption key is configured; without one no provider key can be stored.</summary>
    bool CanEncrypt { get; }

    /// <summary>Stores the user's key for the provider, replacing any earlier one.</summary>
    Task<ProviderKeyInfo> UpsertAsync(string userId, string provider, string apiKey, DateTimeOffset now, CancellationToken cancellationToken);

    Task<IReadOnlyList<ProviderKeyInfo>> ListAsync(string userId, CancellationToken cancellationToken);

    /// <summary>The user's keys, decrypted, by provider (empty without an encryption key).</summary>
    Task<IReadOnlyDictionary<string, string>> SecretsAsync(string userId, CancellationToken cancellationToken);

    /// <summary>False when the user has no key for the provider.</summary>
    Task<bool> DeleteAsync(string userId, string provider, CancellationToken cancellationToken);
}
