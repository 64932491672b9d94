using System.Text.Json;
using Dapper;
using LlmPlatform.Application.Access;
using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Access.UserAccounts;
using LlmPlatform.Application.Catalog;
using LlmPlatform.Application.Configuration;
using LlmPlatform.Domain.Access;
using LlmPlatform.Domain.Common;
using Npgsql;

namespace LlmPlatform.Infrastructure.Access;

/// <summary>
/// The master key (constant-time) or a virtual key looked up by its hash: from an in-process cache, or once from
/// PostgreSQL together with its user, team, organization, budgets and access groups, so that enforcement needs
/// no further database call. Expiry and blocking are checked on every request, also for cached keys.
/// </summary>
internal sealed class ApiKeyAuthenticator : IApiKeyAuthenticator, IKeyCache
{
    private const string LookupSql = """
        SELECT k.token AS Token, k.key_id AS KeyId, k.key_alias AS KeyAlias, k.user_id AS UserId, k.team_id AS TeamId,
               COALESCE(k.organization_id, t.organization_id) AS OrganizationId, k.models AS Models, k.blocked AS Blocked,
               k.expires AS Expires, k.allowed_routes AS AllowedRoutes, k.model_max_budget::text AS ModelMaxBudget,
               k.metadata::text AS Metadata,
               k.model_rpm_limit::text AS ModelRpmLimit, k.model_tpm_limit::text AS ModelTpmLimit,
               k.spend AS KSpend, COALESCE(k.max_budget, kb.max_budget) AS KMaxBudget,
               COALESCE(k.soft_budget, kb.soft_budget) AS KSoftBudget, COALESCE(k.budget_duration, kb.budget_duration) AS KBudgetDuration,
               COALESCE(k.tpm_limit, kb.tpm_limit) AS KTpm, COALESCE(k.rpm_limit, kb.rpm_limit) AS KRpm,
               COALESCE(k.max_parallel_requests, kb.max_parallel_requests) AS KParallel,
               u.user_role AS UserRole, u.spend AS USpend, COALESCE(u.max_budget, ub.max_budget) AS UMaxBudget,
               COALESCE(u.soft_budget, ub.soft_budget) AS USoftBudget, COALESCE(u.budget_duration, ub.budget_duration) AS UBudgetDuration,
               COALESCE(u.tpm_limit, ub.tpm_limit) AS UTpm, COALESCE(u.rpm_limit, ub.rpm_limit) AS URpm,
               COALESCE(u.max_parallel_requests, ub.max_parallel_requests) AS UParallel,
               t.blocked AS TeamBlocked, t.models AS TeamModels, t.spend AS TSpend, COALESCE(t.max_budget, tb.max_budget) AS TMaxBudget,
               COALESCE(t.soft_budget, tb.soft_budget) AS TSoftBudget, COALESCE(t.budget_duration, tb.budget_duration) AS TBudgetDuration,
               COALESCE(t.tpm_limit, tb.tpm_limit) AS TTpm, COALESCE(t.rpm_limit, tb.rpm_limit) AS TRpm,
               COALESCE(t.max_parallel_requests, tb.max_parallel_requests) AS TParallel,
               o.models AS OrganizationModels, o.spend AS OSpend, COALESCE(o.max_budget, ob.max_budget) AS OMaxBudget,
               COALESCE(o.soft_budget, ob.soft_budget) AS OSoftBudget, COALESCE(o.budget_duration, ob.budget_duration) AS OBudgetDuration,
               COALESCE(o.tpm_limit, ob.tpm_limit) AS OTpm, COALESCE(o.rpm_limit, ob.rpm_limit) AS ORpm,
               COALESCE(o.max_parallel_requests, ob.max_parallel_requests) AS OParallel
        FROM virtual_keys k
        LEFT JOIN budgets kb ON kb.budget_id = k.budget_id
        LEFT JOIN users u ON u.user_id = k.user_id
        LEFT JOIN budgets ub ON ub.budget_id = u.budget_id
        LEFT JOIN teams t ON t.team_id = k.team_id
        LEFT JOIN budgets tb ON tb.budget_id = t.budget_id
        LEFT JOIN organizations o ON o.organization_id = COALESCE(k.organization_id, t.organization_id)
        LEFT JOIN budgets ob ON ob.budget_id = o.budget_id
        WHERE k.token = @token
        """;

    private const string GroupsSql = "SELECT access_group AS Name, models AS Models FROM model_access_groups";

    internal static readonly TimeSpan PositiveTtl = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan NegativeTtl = TimeSpan.FromSeconds(2);

    /// <summary>How long past its minute a known key's entry is still used while one background read refreshes it.</summary>
    internal static readonly TimeSpan StaleGrace = TimeSpan.FromSeconds(60);

    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _time;
    private readonly IModelCatalog _catalog;
    private readonly CallerIdentity? _master;
    private readonly RefreshingCache<CachedKey> _cache;

    public ApiKeyAuthenticator(NpgsqlDataSource dataSource, PlatformConfiguration configuration, IModelCatalog catalog, TimeProvider time)
    {
        _dataSource = dataSource;
        _time = time;
        _catalog = catalog;
        _cache = new RefreshingCache<CachedKey>(time, LoadAsync, c => c.Row is null ? NegativeTtl : PositiveTtl, c => c.Row is not null, StaleGrace);
        var masterKey = configuration.General.MasterKey;
        if (!string.IsNullOrEmpty(masterKey))
        {
            _master = new CallerIdentity
            {
                KeyHash = KeyHasher.Hash(masterKey),
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

        // One hash per request serves both the master key and the virtual keys.
        return await AuthenticateHashAsync(KeyHasher.Hash(presentedKey), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Authenticates a key known only by its hash (a batch running for the key that created it): the same cache,
    /// blocks and expiry as a presented key, so a key blocked or deleted since stops being accepted.
    /// </summary>
    public async ValueTask<Result<CallerIdentity>> AuthenticateHashAsync(string hash, CancellationToken cancellationToken)
    {
        if (_master is not null && KeyHasher.HashesEqual(hash, _master.KeyHash))
        {
            return _master;
        }

        var cached = await _cache.GetAsync(hash, cancellationToken).ConfigureAwait(false);
        var key = cached.Row;
        if (key is null)
        {
            return Error.Unauthorized("Invalid API key.");
        }

        if (key.Blocked)
        {
            return Error.Unauthorized("This API key is blocked.");
        }

        if (key.Expires is { } expires && Utc.Of(expires) <= _time.GetUtcNow())
        {
            return Error.Unauthorized("This API key has expired.");
        }

        return cached.Identity!;
    }

    /// <summary>How many times a key was read from PostgreSQL.</summary>
    internal long Loads => _cache.Loads;

    public void Invalidate(string keyHash) => _cache.Invalidate(keyHash);

    public void InvalidateTeam(string teamId) => _cache.InvalidateWhere(cached => cached.Identity?.TeamId == teamId);

    public void InvalidateAll() => _cache.InvalidateAll();

    private static LimitSet Limits(decimal? spend, decimal? max, decimal? soft, string? duration, long? tpm, long? rpm, int? parallel) => new()
    {
        Spend = spend ?? 0m,
        MaxBudget = max,
        SoftBudget = soft,
        BudgetDuration = BudgetDuration.TryParse(duration, out var window) ? window : null,
        TpmLimit = tpm,
        RpmLimit = rpm,
        MaxParallelRequests = parallel,
    };

    private static IReadOnlyList<string> Expand(string[]? models, Dictionary<string, HashSet<string>> groups)
    {
        if (models is null || models.Length == 0)
        {
            return [];
        }

        var expanded = new List<string>(models);
        foreach (var model in models)
        {
            if (groups.TryGetValue(model, out var members))
            {
                expanded.AddRange(members);
            }
        }

        return expanded.Distinct(StringComparer.Ordinal).ToList();
    }

    private CallerIdentity ToIdentity(KeyRow row, Dictionary<string, HashSet<string>> groups) => new()
    {
        KeyHash = row.Token,
        KeyId = row.KeyId,
        KeyAlias = row.KeyAlias,
        UserId = row.UserId,
        TeamId = row.TeamId,
        OrganizationId = row.OrganizationId,
        Role = row.UserRole ?? Roles.InternalUser,
        AllowedModels = Expand(row.Models, groups),
        TeamModels = Expand(row.TeamModels, groups),
        OrganizationModels = Expand(row.OrganizationModels, groups),
        AllowedRoutes = row.AllowedRoutes ?? [],
        ReadOnly = TokenScopes.IsReadOnly(row.Metadata),
        TeamBlocked = row.TeamBlocked == true,
        KeyLimits = Limits(row.KSpend, row.KMaxBudget, row.KSoftBudget, row.KBudgetDuration, row.KTpm, row.KRpm, row.KParallel),
        UserLimits = Limits(row.USpend, row.UMaxBudget, row.USoftBudget, row.UBudgetDuration, row.UTpm, row.URpm, row.UParallel),
        TeamLimits = Limits(row.TSpend, row.TMaxBudget, row.TSoftBudget, row.TBudgetDuration, row.TTpm, row.TRpm, row.TParallel),
        OrganizationLimits = Limits(row.OSpend, row.OMaxBudget, row.OSoftBudget, row.OBudgetDuration, row.OTpm, row.ORpm, row.OParallel),
        ModelMaxBudget = ModelBudgets.Parse(JsonColumns.Read<JsonElement>(row.ModelMaxBudget)) is { IsSuccess: true } parsed
            ? parsed.Value
            : new Dictionary<string, ModelBudget>(StringComparer.Ordinal),
        ModelRpmLimit = JsonColumns.Read<long>(row.ModelRpmLimit),
        ModelTpmLimit = JsonColumns.Read<long>(row.ModelTpmLimit),
    };

    /// <summary>Reads a key with everything enforcement needs; the cache calls it, one read per key at a time.</summary>
    private async Task<CachedKey> LoadAsync(string hash)
    {
        await using var connection = await _dataSource.OpenConnectionAsync().ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<KeyRow>(new CommandDefinition(LookupSql, new { token = hash })).ConfigureAwait(false);
        if (row is null)
        {
            return new CachedKey(null, null);
        }

        var groups = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var deployment in _catalog.AllDeployments)
        {
            foreach (var group in deployment.Settings.AccessGroups)
            {
                Members(groups, group).Add(deployment.ModelName);
            }
        }

        var stored = await connection.QueryAsync<GroupRow>(new CommandDefinition(GroupsSql)).ConfigureAwait(false);
        foreach (var group in stored)
        {
            Members(groups, group.Name).UnionWith(group.Models);
        }

        return new CachedKey(row, ToIdentity(row, groups));
    }

    private static HashSet<string> Members(Dictionary<string, HashSet<string>> groups, string name)
    {
        if (!groups.TryGetValue(name, out var members))
        {
            members = new HashSet<string>(StringComparer.Ordinal);
            groups[name] = members;
        }

        return members;
    }

    /// <summary>A key as read (null when no key has the hash) and the identity made from it.</summary>
    private sealed record CachedKey(KeyRow? Row, CallerIdentity? Identity);

    private sealed record GroupRow
    {
        public string Name { get; init; } = string.Empty;

        public string[] Models { get; init; } = [];
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

        public DateTime? Expires { get; init; }

        public string[]? AllowedRoutes { get; init; }

        public string? Metadata { get; init; }

        public string? ModelMaxBudget { get; init; }

        public string? ModelRpmLimit { get; init; }

        public string? ModelTpmLimit { get; init; }

        public decimal? KSpend { get; init; }

        public decimal? KMaxBudget { get; init; }

        public decimal? KSoftBudget { get; init; }

        public string? KBudgetDuration { get; init; }

        public long? KTpm { get; init; }

        public long? KRpm { get; init; }

        public int? KParallel { get; init; }

        public string? UserRole { get; init; }

        public decimal? USpend { get; init; }

        public decimal? UMaxBudget { get; init; }

        public decimal? USoftBudget { get; init; }

        public string? UBudgetDuration { get; init; }

        public long? UTpm { get; init; }

        public long? URpm { get; init; }

        public int? UParallel { get; init; }

        public bool? TeamBlocked { get; init; }

        public string[]? TeamModels { get; init; }

        public decimal? TSpend { get; init; }

        public decimal? TMaxBudget { get; init; }

        public decimal? TSoftBudget { get; init; }

        public string? TBudgetDuration { get; init; }

        public long? TTpm { get; init; }

        public long? TRpm { get; init; }

        public int? TParallel { get; init; }

        public string[]? OrganizationModels { get; init; }

        public decimal? OSpend { get; init; }

        public decimal? OMaxBudget { get; init; }

        public decimal? OSoftBudget { get; init; }

        public string? OBudgetDuration { get; init; }

        public long? OTpm { get; init; }

        public long? ORpm { get; init; }

        public int? OParallel { get; init; }
    }
}
