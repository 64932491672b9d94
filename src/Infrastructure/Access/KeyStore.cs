using System.Text.Json;
using Dapper;
using LlmPlatform.Application.Access.Keys;
using LlmPlatform.Infrastructure.Persistence;
using Npgsql;

namespace LlmPlatform.Infrastructure.Access;

/// <summary>Virtual keys in PostgreSQL, with Dapper.</summary>
internal sealed class KeyStore : IKeyStore
{
    private const string Columns = """
        token AS Token, key_name AS KeyName, key_alias AS KeyAlias, user_id AS UserId, team_id AS TeamId,
        organization_id AS OrganizationId, models AS Models, max_budget AS MaxBudget, soft_budget AS SoftBudget,
        budget_duration AS BudgetDuration, budget_id AS BudgetId, model_max_budget::text AS ModelMaxBudget,
        tpm_limit AS TpmLimit, rpm_limit AS RpmLimit, max_parallel_requests AS MaxParallelRequests,
        model_rpm_limit::text AS ModelRpmLimit, model_tpm_limit::text AS ModelTpmLimit, metadata::text AS Metadata,
        aliases::text AS Aliases, allowed_routes AS AllowedRoutes, tags AS Tags, blocked AS Blocked, expires AS Expires,
        spend AS Spend, created_by AS CreatedBy, created_at AS CreatedAt, updated_at AS UpdatedAt
        """;

    private const string InsertSql = """
        INSERT INTO virtual_keys (token, key_id, key_name, key_alias, user_id, team_id, organization_id, models, max_budget,
            soft_budget, budget_duration, budget_id, model_max_budget, tpm_limit, rpm_limit, max_parallel_requests,
            model_rpm_limit, model_tpm_limit, metadata, aliases, allowed_routes, tags, blocked, expires, spend, created_by,
            created_at, updated_at)
        VALUES (@Token, @Token, @KeyName, @KeyAlias, @UserId, @TeamId, @OrganizationId, @Models, @MaxBudget,
            @SoftBudget, @BudgetDuration, @BudgetId, @ModelMaxBudget::jsonb, @TpmLimit, @RpmLimit, @MaxParallelRequests,
            @ModelRpmLimit::jsonb, @ModelTpmLimit::jsonb, @Metadata::jsonb, @Aliases::jsonb, @AllowedRoutes, @Tags, @Blocked,
            @Expires, @Spend, @CreatedBy, @CreatedAt, @UpdatedAt)
        ON CONFLICT DO NOTHING
        """;

    private const string UpdateSql = """
        UPDATE virtual_keys SET key_alias = @KeyAlias, user_id = @UserId, team_id = @TeamId, organization_id = @OrganizationId,
            models = @Models, max_budget = @MaxBudget, soft_budget = @SoftBudget, budget_duration = @BudgetDuration,
            budget_id = @BudgetId, model_max_budget = @ModelMaxBudget::jsonb, tpm_limit = @TpmLimit, rpm_limit = @RpmLimit,
            max_parallel_requests = @MaxParallelRequests, model_rpm_limit = @ModelRpmLimit::jsonb,
            model_tpm_limit = @ModelTpmLimit::jsonb, metadata = @Metadata::jsonb, aliases = @Aliases::jsonb,
            allowed_routes = @AllowedRoutes, tags = @Tags, blocked = @Blocked, expires = @Expires, spend = @Spend,
            updated_at = @UpdatedAt
        WHERE token = @Token AND NOT EXISTS (SELECT 1 FROM virtual_keys o WHERE o.key_alias = @KeyAlias AND o.token <> @Token)
        """;

    private const string FindSql = "SELECT " + Columns + " FROM virtual_keys WHERE token = @token";

    private const string FindByAliasSql = "SELECT " + Columns + " FROM virtual_keys WHERE key_alias = @alias";

    private const string ListFilter = """
        WHERE (@userId::text IS NULL OR user_id = @userId)
          AND (@teamId::text IS NULL OR team_id = @teamId)
          AND (@organizationId::text IS NULL OR organization_id = @organizationId)
          AND (@keyAlias::text IS NULL OR key_alias = @keyAlias)
          AND (@restricted = false OR user_id = @owner OR team_id = ANY(@teams))
        """;

    private const string ListSql = "SELECT " + Columns + " FROM virtual_keys " + ListFilter + " ORDER BY created_at, token LIMIT @limit OFFSET @offset";

    private const string CountSql = "SELECT count(*)::int FROM virtual_keys " + ListFilter;

    private const string DeleteSql = "DELETE FROM virtual_keys WHERE token = ANY(@tokens)";

    private const string ReplaceSql = "UPDATE virtual_keys SET token = @newToken, key_id = @newToken, key_name = @keyName WHERE token = @oldToken";

    private readonly NpgsqlDataSource _dataSource;

    public KeyStore(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource;
    }

    public async Task<bool> InsertAsync(KeyInfo key, CancellationToken cancellationToken)
    {
        return await _dataSource.ExecuteAsync(InsertSql, Parameters(key), cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task<KeyInfo?> FindAsync(string token, CancellationToken cancellationToken)
    {
        var row = await _dataSource.QuerySingleOrDefaultAsync<KeyRow>(FindSql, new { token }, cancellationToken).ConfigureAwait(false);
        return row?.ToInfo();
    }

    public async Task<KeyInfo?> FindByAliasAsync(string keyAlias, CancellationToken cancellationToken)
    {
        var row = await _dataSource.QuerySingleOrDefaultAsync<KeyRow>(FindByAliasSql, new { alias = keyAlias }, cancellationToken).ConfigureAwait(false);
        return row?.ToInfo();
    }

    public async Task<bool> UpdateAsync(KeyInfo key, CancellationToken cancellationToken)
    {
        return await _dataSource.ExecuteAsync(UpdateSql, Parameters(key), cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task<(IReadOnlyList<KeyInfo> Keys, int Total)> ListAsync(KeyQuery query, CancellationToken cancellationToken)
    {
        var parameters = new
        {
            userId = query.UserId,
            teamId = query.TeamId,
            organizationId = query.OrganizationId,
            keyAlias = query.KeyAlias,
            restricted = query.OwnerUserId is not null,
            owner = query.OwnerUserId,
            teams = (query.VisibleTeams ?? []).ToArray(),
            limit = query.PageSize,
            offset = (query.Page - 1) * query.PageSize,
        };
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<KeyRow>(new CommandDefinition(ListSql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(CountSql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return (rows.Select(r => r.ToInfo()).ToList(), total);
    }

    public async Task DeleteAsync(IReadOnlyList<string> tokens, CancellationToken cancellationToken)
    {
        await _dataSource.ExecuteAsync(DeleteSql, new { tokens = tokens.ToArray() }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> ReplaceTokenAsync(string oldToken, string newToken, string newKeyName, CancellationToken cancellationToken)
    {
        return await _dataSource.ExecuteAsync(ReplaceSql, new { oldToken, newToken, keyName = newKeyName }, cancellationToken).ConfigureAwait(false) == 1;
    }

    private static object Parameters(KeyInfo k) => new
    {
        k.Token,
        k.KeyName,
        k.KeyAlias,
        k.UserId,
        k.TeamId,
        k.OrganizationId,
        Models = k.Models.ToArray(),
        k.MaxBudget,
        k.SoftBudget,
        k.BudgetDuration,
        k.BudgetId,
        ModelMaxBudget = JsonColumns.Write(k.ModelMaxBudget),
        k.TpmLimit,
        k.RpmLimit,
        k.MaxParallelRequests,
        ModelRpmLimit = JsonColumns.Write(k.ModelRpmLimit),
        ModelTpmLimit = JsonColumns.Write(k.ModelTpmLimit),
        Metadata = JsonColumns.Write(k.Metadata),
        Aliases = JsonColumns.Write(k.Aliases),
        AllowedRoutes = k.AllowedRoutes.ToArray(),
        Tags = k.Tags.ToArray(),
        k.Blocked,
        k.Expires,
        k.Spend,
        k.CreatedBy,
        k.CreatedAt,
        k.UpdatedAt,
    };

    private sealed record KeyRow
    {
        public string Token { get; init; } = string.Empty;

        public string KeyName { get; init; } = string.Empty;

        public string? KeyAlias { get; init; }

        public string? UserId { get; init; }

        public string? TeamId { get; init; }

        public string? OrganizationId { get; init; }

        public string[] Models { get; init; } = [];

        public decimal? MaxBudget { get; init; }

        public decimal? SoftBudget { get; init; }

        public string? BudgetDuration { get; init; }

        public string? BudgetId { get; init; }

        public string? ModelMaxBudget { get; init; }

        public long? TpmLimit { get; init; }

        public long? RpmLimit { get; init; }

        public int? MaxParallelRequests { get; init; }

        public string? ModelRpmLimit { get; init; }

        public string? ModelTpmLimit { get; init; }

        public string? Metadata { get; init; }

        public string? Aliases { get; init; }

        public string[] AllowedRoutes { get; init; } = [];

        public string[] Tags { get; init; } = [];

        public bool Blocked { get; init; }

        public DateTime? Expires { get; init; }

        public decimal Spend { get; init; }

        public string? CreatedBy { get; init; }

        public DateTime CreatedAt { get; init; }

        public DateTime UpdatedAt { get; init; }

        public KeyInfo ToInfo() => new()
        {
            Token = Token,
            KeyName = KeyName,
            KeyAlias = KeyAlias,
            UserId = UserId,
            TeamId = TeamId,
            OrganizationId = OrganizationId,
            Models = Models,
            MaxBudget = MaxBudget,
            SoftBudget = SoftBudget,
            BudgetDuration = BudgetDuration,
            BudgetResetAt = null,
            BudgetId = BudgetId,
            ModelMaxBudget = JsonColumns.Read<JsonElement>(ModelMaxBudget),
            TpmLimit = TpmLimit,
            RpmLimit = RpmLimit,
            MaxParallelRequests = MaxParallelRequests,
            ModelRpmLimit = JsonColumns.Read<long>(ModelRpmLimit),
            ModelTpmLimit = JsonColumns.Read<long>(ModelTpmLimit),
            Metadata = JsonColumns.Read<JsonElement>(Metadata),
            Aliases = JsonColumns.Read<string>(Aliases),
            AllowedRoutes = AllowedRoutes,
            Tags = Tags,
            Blocked = Blocked,
            Expires = Utc.Of(Expires),
            Spend = Spend,
            CreatedBy = CreatedBy,
            CreatedAt = Utc.Of(CreatedAt),
            UpdatedAt = Utc.Of(UpdatedAt),
        };
    }
}
