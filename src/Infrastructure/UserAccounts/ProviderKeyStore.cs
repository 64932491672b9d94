using LlmPlatform.Application.Access.UserAccounts;
using LlmPlatform.Infrastructure.Access;
using LlmPlatform.Infrastructure.Persistence;
using LlmPlatform.Infrastructure.Security;
using Npgsql;

namespace LlmPlatform.Infrastructure.UserAccounts;

/// <summary>
/// Users' provider keys in PostgreSQL, encrypted with <see cref="CredentialCipher"/> (AES-GCM) and bound to their user
/// and provider, so a stored value copied to another row does not decrypt. Only the masked form is read back through
/// the API; the gateway alone reads the keys themselves, to call with them.
/// </summary>
internal sealed class ProviderKeyStore : IProviderKeyStore
{
    private const string Columns = """
        provider AS Provider, masked_key AS MaskedKey, created_at AS CreatedAt, updated_at AS UpdatedAt
        """;

    private const string UpsertSql = """
        INSERT INTO user_provider_keys (user_id, provider, encrypted_key, masked_key, created_at, updated_at)
        VALUES (@userId, @provider, @encrypted, @masked, @now, @now)
        ON CONFLICT (user_id, provider) DO UPDATE SET encrypted_key = EXCLUDED.encrypted_key, masked_key = EXCLUDED.masked_key, updated_at = EXCLUDED.updated_at
        RETURNING
        """ + " " + Columns;

    private const string ListSql = "SELECT " + Columns + " FROM user_provider_keys WHERE user_id = @userId ORDER BY provider";

    private const string SecretsSql = "SELECT provider AS Provider, encrypted_key AS EncryptedKey FROM user_provider_keys WHERE user_id = @userId";

    private const string DeleteSql = "DELETE FROM user_provider_keys WHERE user_id = @userId AND provider = @provider";

    private readonly NpgsqlDataSource _dataSource;
    private readonly CredentialCipher _cipher;

    public ProviderKeyStore(NpgsqlDataSource dataSource, CredentialCipher cipher)
    {
        _dataSource = dataSource;
        _cipher = cipher;
    }

    public bool CanEncrypt => _cipher.IsConfigured;

    public async Task<ProviderKeyInfo> UpsertAsync(string userId, string provider, string apiKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var encrypted = _cipher.Encrypt(apiKey, Context(userId, provider));
        var row = await _dataSource.QuerySingleOrDefaultAsync<KeyRow>(UpsertSql, new { userId, provider, encrypted, masked = Mask(apiKey), now }, cancellationToken).ConfigureAwait(false);
        return row!.ToInfo();
    }

    public async Task<IReadOnlyList<ProviderKeyInfo>> ListAsync(string userId, CancellationToken cancellationToken) =>
        (await _dataSource.QueryListAsync<KeyRow>(ListSql, new { userId }, cancellationToken).ConfigureAwait(false)).Select(r => r.ToInfo()).ToList();

    public async Task<IReadOnlyDictionary<string, string>> SecretsAsync(string userId, CancellationToken cancellationToken)
    {
        var secrets = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!_cipher.IsConfigured)
        {
            return secrets;
        }

        var rows = await _dataSource.QueryListAsync<SecretRow>(SecretsSql, new { userId }, cancellationToken).ConfigureAwait(false);

        foreach (var row in rows)
        {
            // A key that no longer decrypts (the encryption key was changed) is left out: calls use the deployment's.
            if (_cipher.Decrypt(row.EncryptedKey, Context(userId, row.Provider)) is { IsSuccess: true } key)
            {
                secrets[row.Provider] = key.Value!;
            }
        }

        return secrets;
    }

    public async Task<bool> DeleteAsync(string userId, string provider, CancellationToken cancellationToken) =>
        await _dataSource.ExecuteAsync(DeleteSql, new { userId, provider }, cancellationToken).ConfigureAwait(false) == 1;

    private static string Context(string userId, string provider) => "user-provider-key:" + userId + ":" + provider;

    /// <summary>The first three and last four characters of a long key; nothing of a short one.</summary>
    private static string Mask(string key) => key.Length >= 16 ? key[..3] + "..." + key[^4..] : "****";

    private sealed record SecretRow
    {
        public string Provider { get; init; } = string.Empty;

        public string EncryptedKey { get; init; } = string.Empty;
    }

    private sealed record KeyRow
    {
        public string Provider { get; init; } = string.Empty;

        public string MaskedKey { get; init; } = string.Empty;

        public DateTime CreatedAt { get; init; }

        public DateTime UpdatedAt { get; init; }

        public ProviderKeyInfo ToInfo() => new()
        {
            Id = Provider,
            Provider = Provider,
            MaskedKey = MaskedKey,
            CreatedAt = Utc.Of(CreatedAt),
            UpdatedAt = Utc.Of(UpdatedAt),
        };
    }
}
