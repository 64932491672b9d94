using System.Collections.Concurrent;
using Dapper;
using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Configuration;
using LlmPlatform.Domain.Common;
using Npgsql;

namespace LlmPlatform.Infrastructure.Access;

/// <summary>
/// The master key (constant-time) or a virtual key looked up by its hash: from an in-process cache, or once
/// from PostgreSQL. Expiry and blocking are checked on every request, also for cached keys.
/// </summary>
internal sealed class ApiKeyAuthenticator : IApiKeyAuthenticator, IKeyCache
{
    private const string LookupSql = """
        SELECT token AS Token, key_id AS KeyId, key_alias AS KeyAlias, user_id AS UserId, team_id AS TeamId,
               organization_id AS OrganizationId, models AS Models, blocked AS Blocked, expires AS Expires
        FROM virtual_keys
        WHERE token = @token
        """;

    private static readonly TimeSpan PositiveTtl = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan NegativeTtl = TimeSpan.FromSeconds(2);

    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _time;
    private readonly string? _masterKey;
    private readonly CallerIdentity? _master;
    private readonly ConcurrentDictionary<string, CachedKey> _cache = new(StringComparer.Ordinal);

    public ApiKeyAuthenticator(NpgsqlDataSource dataSource, PlatformConfiguration configuration, TimeProvider time)
    {
        _dataSource = dataSource;
        _time = time;
        _masterKey = configuration.General.MasterKey;
        if (!string.IsNullOrEmpty(_masterKey))
        {
            _master = new CallerIdentity
            {
                KeyHash = KeyHasher.Hash(_masterKey),
                KeyAlias = "master_key",
                Role = Roles.ProxyAdmin,
                IsMasterKey = true,
                UserId = "default_user_id",
            };
        }
    }

    public async ValueTask<Result<CallerIdentity>> AuthenticateAsync(string presentedKey, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(presentedKey))
        {
            return Error.Unauthorized("No API key was given. Send it as 'Authorization: Bearer <key>'.");
        }

        if (_master is not null && KeyHasher.SecretsEqual(presentedKey, _masterKey!))
        {
            return _master;
        }

        var hash = KeyHasher.Hash(presentedKey);
        var now = _time.GetUtcNow();
        if (!_cache.TryGetValue(hash, out var cached) || cached.ValidUntil < now)
        {
            var row = await LoadAsync(hash, cancellationToken).ConfigureAwait(false);
            cached = new CachedKey(row, now + (row is null ? NegativeTtl : PositiveTtl));
            _cache[hash] = cached;
        }

        var key = cached.Row;
        if (key is null)
        {
            return Error.Unauthorized("Invalid API key.");
        }

        if (key.Blocked)
        {
            return Error.Unauthorized("This API key is blocked.");
        }

        if (key.Expires is { } expires && expires <= now)
        {
            return Error.Unauthorized("This API key has expired.");
        }

        return cached.Identity!;
    }

    public void Invalidate(string keyHash) => _cache.TryRemove(keyHash, out _);

    public void InvalidateAll() => _cache.Clear();

    private async Task<KeyRow?> LoadAsync(string hash, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<KeyRow>(
            new CommandDefinition(LookupSql, new { token = hash }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    private sealed class CachedKey
    {
        public CachedKey(KeyRow? row, DateTimeOffset validUntil)
        {
            Row = row;
            ValidUntil = validUntil;
            Identity = row is null
                ? null
                : new CallerIdentity
                {
                    KeyHash = row.Token,
                    KeyId = row.KeyId,
                    KeyAlias = row.KeyAlias,
                    UserId = row.UserId,
                    TeamId = row.TeamId,
                    OrganizationId = row.OrganizationId,
                    AllowedModels = row.Models ?? [],
                };
        }

        public KeyRow? Row { get; }

        public CallerIdentity? Identity { get; }

        public DateTimeOffset ValidUntil { get; }
    }

    private sealed record KeyRow
    {
        public string Token { get; init; } = string.Empty;

        public string KeyId { get; init; } = string.Empty;

        public string? KeyAlias { get; init; }

        public string? UserId { get; init; }

        public string? TeamId { get; init; }

        public string? OrganizationId { get; init; }

        public string[]? Models { get; init; }

        public bool Blocked { get; init; }

        public DateTimeOffset? Expires { get; init; }
    }
}
