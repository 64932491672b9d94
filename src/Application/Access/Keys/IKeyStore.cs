namespace LlmPlatform.Application.Access.Keys;

/// <summary>Virtual keys in the system of record.</summary>
public interface IKeyStore
{
    /// <summary>Inserts the key; false when its alias is already taken.</summary>
    Task<bool> InsertAsync(KeyInfo key, CancellationToken cancellationToken);

    Task<KeyInfo?> FindAsync(string token, CancellationToken cancellationToken);

    Task<KeyInfo?> FindByAliasAsync(string keyAlias, CancellationToken cancellationToken);

    /// <summary>Saves every field of the key; false when its alias is already taken by another key.</summary>
    Task<bool> UpdateAsync(KeyInfo key, CancellationToken cancellationToken);

    Task<(IReadOnlyList<KeyInfo> Keys, int Total)> ListAsync(KeyQuery query, CancellationToken cancellationToken);

    Task DeleteAsync(IReadOnlyList<string> tokens, CancellationToken cancellationToken);

    /// <summary>Gives the key a new hash and display name, keeping everything else.</summary>
    Task<bool> ReplaceTokenAsync(string oldToken, string newToken, string newKeyName, CancellationToken cancellationToken);
}
