namespace LlmPlatform.Application.Access.UserAccounts;

/// <summary>Users' own provider keys, encrypted at rest; only a masked form is ever read back through this port.</summary>
public interface IProviderKeyStore
{
    /// <summary>Whether an encryption key is configured; without one no provider key can be stored.</summary>
    bool CanEncrypt { get; }

    /// <summary>Stores the user's key for the provider, replacing any earlier one.</summary>
    Task<ProviderKeyInfo> UpsertAsync(string userId, string provider, string apiKey, DateTimeOffset now, CancellationToken cancellationToken);

    Task<IReadOnlyList<ProviderKeyInfo>> ListAsync(string userId, CancellationToken cancellationToken);

    /// <summary>False when the user has no key for the provider.</summary>
    Task<bool> DeleteAsync(string userId, string provider, CancellationToken cancellationToken);
}
