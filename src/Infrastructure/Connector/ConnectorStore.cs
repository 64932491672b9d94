using Dapper;
using LlmPlatform.Application.Access.Connector;
using LlmPlatform.Application.Catalog.Connector;
using LlmPlatform.Application.Configuration;
using LlmPlatform.Domain.Common;
using LlmPlatform.Infrastructure.Access;
using LlmPlatform.Infrastructure.Persistence;
using LlmPlatform.Infrastructure.Security;
using Npgsql;

namespace LlmPlatform.Infrastructure.Connector;

/// <summary>
/// The Connector dialect's reads over keys, users, teams and model deployments by their integer ids, and its own
/// rows (payments, Feishu bots), with Dapper. A bot's config is encrypted with AES-GCM (<see cref="CredentialCipher"/>,
/// key from <c>general_settings.encryption_key</c>, or the master key when none is set).
/// </summary>
internal sealed class ConnectorStore : IConnectorStore, IConnectorModelStore
{
    private const string BotContext = "connector:feishu-bot:config";

    private const string KeyColumns = """
        SELECT k.connector_id AS Id, k.token AS Token, k.user_id AS UserId, k.team_id AS TeamId,
               COALESCE(u.user_alias, k.key_alias) AS Name, u.user_email AS Email, COALESCE(u.user_role, 'internal_user') AS UserRole,
               t.connector_id AS GroupId, t.team_alias AS GroupName,
               CASE WHEN jsonb_typeof(k.metadata -> 'connector_month_quota') = 'number' THEN (k.metadata ->> 'connector_month_quota')::numeric ELSE 0 END AS MonthQuota,
               CASE WHEN jsonb_typeof(k.metadata -> 'connector_balance') = 'number' THEN (k.metadata ->> 'connector_balance')::numeric ELSE 0 END AS Balance,
               k.spend AS Spend, k.models AS Models,
               COALESCE(jsonb_typeof(u.metadata -> 'connector_user') = 'boolean' AND (u.metadata ->> 'connector_user')::boolean, false) AS MadeByConnector,
               k.created_at AS CreatedAt, k.updated_at AS UpdatedAt
        FROM virtual_keys k
        LEFT JOIN users u ON u.user_id = k.user_id
        LEFT JOIN teams t ON t.team_id = k.team_id
        """;

    private const string KeyFilter = """
        WHERE (@q::text IS NULL OR COALESCE(u.user_alias, k.key_alias, '') ILIKE @q OR COALESCE(u.user_email, '') ILIKE @q)
          AND (@name::text IS NULL OR COALESCE(u.user_alias, k.key_alias) = @name)
          AND (@groupId::bigint IS NULL OR t.connector_id = @groupId)
          AND (@role::text IS NULL OR COALESCE(u.user_role, 'internal_user') = @role)
        """;

    private const string GroupColumns = """
        SELECT connector_id AS Id, team_alias AS Name, team_id AS TeamId, models AS Models, created_at AS CreatedAt, updated_at AS UpdatedAt
        FROM teams
        """;

    private const string ModelColumns = """
        SELECT connector_id AS Id, model_id AS DeploymentId, model_name AS Name,
               CASE WHEN jsonb_typeof(model_info -> 'connector_group_id') = 'number' THEN (model_info ->> 'connector_group_id')::numeric::bigint ELSE 0 END AS GroupId,
               COALESCE(jsonb_typeof(model_info -> 'connector_multiple') = 'boolean' AND (model_info ->> 'connector_multiple')::boolean, false) AS Multiple,
               COALESCE(model_info ->> 'connector_config', '{}') AS Config,
               COALESCE(model_info ->> 'connector_provider', split_part(litellm_params ->> 'model', '/', 1)) AS Provider,
               CASE WHEN jsonb_typeof(model_info -> 'connector_price_in') = 'number' THEN (model_info ->> 'connector_price_in')::numeric
                    WHEN jsonb_typeof(model_info -> 'input_cost_per_token') = 'number' THEN (model_info ->> 'input_cost_per_token')::numeric * 1000000
                    ELSE 0 END AS PriceIn,
               CASE WHEN jsonb_typeof(model_info -> 'connector_price_out') = 'number' THEN (model_info ->> 'connector_price_out')::numeric
                    WHEN jsonb_typeof(model_info -> 'output_cost_per_token') = 'number' THEN (model_info ->> 'output_cost_per_token')::numeric * 1000000
                    ELSE 0 END AS PriceOut,
               created_at AS CreatedAt, updated_at AS UpdatedAt
        FROM model_deployments
        """;

    private const string BotColumns = """
        SELECT id AS Id, name AS Name, provider AS Provider, config_encrypted AS Config, created_at AS CreatedAt, updated_at AS UpdatedAt
        FROM connector_feishu_bots
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly CredentialCipher _cipher;

    public ConnectorStore(NpgsqlDataSource dataSource, PlatformConfiguration configuration)
    {
        _dataSource = dataSource;
        _cipher = new CredentialCipher(configuration.General.EncryptionKey is { Length: > 0 } key ? key : configuration.General.MasterKey);
    }

    public async Task<ConnectorKeyRecord?> FindKeyAsync(long id, CancellationToken cancellationToken) =>
        (await _dataSource.QuerySingleOrDefaultAsync<KeyRow>(KeyColumns + " WHERE k.connector_id = @id", new { id }, cancellationToken).ConfigureAwait(false))?.ToRecord();

    public async Task<ConnectorKeyRecord?> FindKeyByTokenAsync(string token, CancellationToken cancellationToken) =>
        (await _dataSource.QuerySingleOrDefaultAsync<KeyRow>(KeyColumns + " WHERE k.token = @token", new { token }, cancellationToken).ConfigureAwait(false))?.ToRecord();

    public async Task<ConnectorPage<ConnectorKeyRecord>> ListKeysAsync(ConnectorKeyFilter filter, CancellationToken cancellationToken)
    {
        var parameters = new
        {
            q = Like(filter.Q),
            name = filter.Name,
            groupId = filter.GroupId,
            role = filter.UserRole,
            limit = filter.Limit,
            offset = filter.Offset,
        };
        var rows = await _dataSource.QueryListAsync<KeyRow>(KeyColumns + " " + KeyFilter + " ORDER BY k.connector_id DESC LIMIT @limit OFFSET @offset", parameters, cancellationToken).ConfigureAwait(false);
        var total = await CountAsync("SELECT count(*) FROM virtual_keys k LEFT JOIN users u ON u.user_id = k.user_id LEFT JOIN teams t ON t.team_id = k.team_id " + KeyFilter, parameters, cancellationToken).ConfigureAwait(false);
        return new ConnectorPage<ConnectorKeyRecord>(rows.Select(r => r.ToRecord()).ToList(), total, filter.Limit, filter.Offset);
    }

    public Task<int> CountKeysOfTeamAsync(string teamId, CancellationToken cancellationToken) =>
        CountAsync("SELECT count(*) FROM virtual_keys WHERE team_id = @teamId", new { teamId }, cancellationToken);

    public async Task<ConnectorGroup?> FindGroupAsync(long id, CancellationToken cancellationToken) =>
        (await _dataSource.QuerySingleOrDefaultAsync<GroupRow>(GroupColumns + " WHERE connector_id = @id", new { id }, cancellationToken).ConfigureAwait(false))?.ToGroup();

    public async Task<ConnectorGroup?> FindGroupByTeamAsync(string teamId, CancellationToken cancellationToken) =>
        (await _dataSource.QuerySingleOrDefaultAsync<GroupRow>(GroupColumns + " WHERE team_id = @teamId", new { teamId }, cancellationToken).ConfigureAwait(false))?.ToGroup();

    public async Task<ConnectorPage<ConnectorGroup>> ListGroupsAsync(ConnectorPaging paging, CancellationToken cancellationToken)
    {
        const string Filter = " WHERE (@q::text IS NULL OR COALESCE(team_alias, team_id) ILIKE @q)";
        var parameters = new { q = Like(paging.Q), limit = paging.Take, offset = paging.Skip };
        var rows = await _dataSource.QueryListAsync<GroupRow>(GroupColumns + Filter + " ORDER BY connector_id DESC LIMIT @limit OFFSET @offset", parameters, cancellationToken).ConfigureAwait(false);
        var total = await CountAsync("SELECT count(*) FROM teams" + Filter, parameters, cancellationToken).ConfigureAwait(false);
        return new ConnectorPage<ConnectorGroup>(rows.Select(r => r.ToGroup()).ToList(), total, paging.Take, paging.Skip);
    }

    public async Task<IReadOnlyDictionary<string, long>> ModelIdsByNameAsync(CancellationToken cancellationToken)
    {
        var rows = await _dataSource.QueryListAsync<NameId>("SELECT model_name AS Name, min(connector_id) AS Id FROM model_deployments GROUP BY model_name", null, cancellationToken).ConfigureAwait(false);
        return rows.ToDictionary(r => r.Name, r => r.Id, StringComparer.Ordinal);
    }

    public Task<string?> ModelNameAsync(long id, CancellationToken cancellationToken) =>
        _dataSource.QuerySingleOrDefaultAsync<string>("SELECT model_name FROM model_deployments WHERE connector_id = @id", new { id }, cancellationToken);

    public async Task<(string Token, decimal Balance)?> RechargeAsync(long keyId, decimal fee, DateTimeOffset at, CancellationToken cancellationToken)
    {
        const string LockSql = "SELECT token FROM virtual_keys WHERE connector_id = @keyId FOR UPDATE";
        const string PaySql = "INSERT INTO connector_payments (key_id, fee, created_at) VALUES (@keyId, @fee, @at)";
        const string BudgetSql = """
            WITH paid AS (SELECT COALESCE(SUM(fee), 0) AS balance FROM connector_payments WHERE key_id = @keyId)
            UPDATE virtual_keys k
            SET max_budget = COALESCE((k.metadata ->> 'connector_month_quota')::numeric, 0) + paid.balance,
                metadata = jsonb_set(k.metadata, '{connector_balance}', to_jsonb(paid.balance))
            FROM paid
            WHERE k.connector_id = @keyId
            RETURNING paid.balance
            """;
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var token = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(LockSql, new { keyId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (token is null)
        {
            return null;
        }

        await connection.ExecuteAsync(new CommandDefinition(PaySql, new { keyId, fee, at }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var balance = await connection.QuerySingleAsync<decimal>(new CommandDefinition(BudgetSql, new { keyId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return (token, balance);
    }

    public async Task<ConnectorPage<ConnectorPayment>> ListPaymentsAsync(long? keyId, ConnectorPaging paging, CancellationToken cancellationToken)
    {
        const string Filter = " WHERE (@keyId::bigint IS NULL OR p.key_id = @keyId)";
        const string From = """
             FROM connector_payments p
             JOIN virtual_keys k ON k.connector_id = p.key_id
             LEFT JOIN users u ON u.user_id = k.user_id
            """;
        var parameters = new { keyId, limit = paging.Take, offset = paging.Skip };
        var rows = await _dataSource.QueryListAsync<PaymentRow>(
            "SELECT p.id AS Id, p.key_id AS KeyId, COALESCE(u.user_alias, k.key_alias) AS KeyName, p.fee AS Fee, p.created_at AS CreatedAt"
            + From + Filter + " ORDER BY p.id DESC LIMIT @limit OFFSET @offset",
            parameters,
            cancellationToken).ConfigureAwait(false);
        var total = await CountAsync("SELECT count(*)" + From + Filter, parameters, cancellationToken).ConfigureAwait(false);
        return new ConnectorPage<ConnectorPayment>(rows.Select(r => new ConnectorPayment(r.Id, r.KeyId, r.KeyName, r.Fee, Utc.Of(r.CreatedAt))).ToList(), total, paging.Take, paging.Skip);
    }

    public async Task<Result<ConnectorBot>> SaveBotAsync(long? id, string name, string provider, string config, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (!_cipher.IsConfigured)
        {
            return new Error(ErrorKind.Unavailable, "encryption_not_configured", "No encryption key is configured, so a bot's secrets cannot be stored.");
        }

        var encrypted = _cipher.Encrypt(config, BotContext);
        var row = id is null
            ? await _dataSource.QuerySingleOrDefaultAsync<BotRow>(
                "INSERT INTO connector_feishu_bots (name, provider, config_encrypted, created_at, updated_at) VALUES (@name, @provider, @encrypted, @at, @at) "
                + "RETURNING id AS Id, name AS Name, provider AS Provider, config_encrypted AS Config, created_at AS CreatedAt, updated_at AS UpdatedAt",
                new { name, provider, encrypted, at },
                cancellationToken).ConfigureAwait(false)
            : await _dataSource.QuerySingleOrDefaultAsync<BotRow>(
                "UPDATE connector_feishu_bots SET name = @name, provider = @provider, config_encrypted = @encrypted, updated_at = @at WHERE id = @id "
                + "RETURNING id AS Id, name AS Name, provider AS Provider, config_encrypted AS Config, created_at AS CreatedAt, updated_at AS UpdatedAt",
                new { id, name, provider, encrypted, at },
                cancellationToken).ConfigureAwait(false);
        return row is null ? Error.NotFound("bot_not_found", $"No bot has id {id}.") : Decrypted(row);
    }

    public async Task<ConnectorBot?> FindBotAsync(long id, CancellationToken cancellationToken)
    {
        var row = await _dataSource.QuerySingleOrDefaultAsync<BotRow>(BotColumns + " WHERE id = @id", new { id }, cancellationToken).ConfigureAwait(false);
        return row is null ? null : Decrypted(row);
    }

    public async Task<bool> DeleteBotAsync(long id, CancellationToken cancellationToken) =>
        await _dataSource.ExecuteAsync("DELETE FROM connector_feishu_bots WHERE id = @id", new { id }, cancellationToken).ConfigureAwait(false) == 1;

    public async Task<ConnectorPage<ConnectorBot>> ListBotsAsync(ConnectorPaging paging, CancellationToken cancellationToken)
    {
        const string Filter = " WHERE (@q::text IS NULL OR name ILIKE @q)";
        var parameters = new { q = Like(paging.Q), limit = paging.Take, offset = paging.Skip };
        var rows = await _dataSource.QueryListAsync<BotRow>(BotColumns + Filter + " ORDER BY id DESC LIMIT @limit OFFSET @offset", parameters, cancellationToken).ConfigureAwait(false);
        var total = await CountAsync("SELECT count(*) FROM connector_feishu_bots" + Filter, parameters, cancellationToken).ConfigureAwait(false);
        return new ConnectorPage<ConnectorBot>(rows.Select(Decrypted).ToList(), total, paging.Take, paging.Skip);
    }

    async Task<ConnectorModel?> IConnectorModelStore.FindAsync(long id, CancellationToken cancellationToken) =>
        (await _dataSource.QuerySingleOrDefaultAsync<ModelRow>(ModelColumns + " WHERE connector_id = @id", new { id }, cancellationToken).ConfigureAwait(false))?.ToModel();

    public async Task<ConnectorModel?> FindByDeploymentAsync(string deploymentId, CancellationToken cancellationToken) =>
        (await _dataSource.QuerySingleOrDefaultAsync<ModelRow>(ModelColumns + " WHERE model_id = @deploymentId", new { deploymentId }, cancellationToken).ConfigureAwait(false))?.ToModel();

    async Task<ConnectorPage<ConnectorModel>> IConnectorModelStore.ListAsync(ConnectorPaging paging, CancellationToken cancellationToken)
    {
        const string Filter = " WHERE (@q::text IS NULL OR model_name ILIKE @q)";
        var parameters = new { q = Like(paging.Q), limit = paging.Take, offset = paging.Skip };
        var rows = await _dataSource.QueryListAsync<ModelRow>(ModelColumns + Filter + " ORDER BY connector_id DESC LIMIT @limit OFFSET @offset", parameters, cancellationToken).ConfigureAwait(false);
        var total = await CountAsync("SELECT count(*) FROM model_deployments" + Filter, parameters, cancellationToken).ConfigureAwait(false);
        return new ConnectorPage<ConnectorModel>(rows.Select(r => r.ToModel()).ToList(), total, paging.Take, paging.Skip);
    }

    /// <summary>A <c>q</c> searched anywhere in a name, its own wildcards taken literally.</summary>
    internal static string? Like(string? q) =>
        string.IsNullOrEmpty(q) ? null : "%" + q.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";

    private async Task<int> CountAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    private ConnectorBot Decrypted(BotRow row)
    {
        var config = _cipher.Decrypt(row.Config, BotContext);
        return new ConnectorBot
        {
            Id = row.Id,
            Name = row.Name,
            Provider = row.Provider,
            Config = config.IsSuccess ? config.Value : "{}",
            CreatedAt = Utc.Of(row.CreatedAt),
            UpdatedAt = Utc.Of(row.UpdatedAt),
        };
    }

    private sealed record NameId(string Name, long Id);

    private sealed record PaymentRow(long Id, long KeyId, string? KeyName, decimal Fee, DateTime CreatedAt);

    private sealed record BotRow(long Id, string Name, string Provider, string Config, DateTime CreatedAt, DateTime UpdatedAt);

    private sealed class ModelRow
    {
        public long Id { get; init; }

        public string DeploymentId { get; init; } = string.Empty;

        public string Name { get; init; } = string.Empty;

        public long GroupId { get; init; }

        public bool Multiple { get; init; }

        public string Config { get; init; } = "{}";

        public string? Provider { get; init; }

        public decimal PriceIn { get; init; }

        public decimal PriceOut { get; init; }

        public DateTime CreatedAt { get; init; }

        public DateTime UpdatedAt { get; init; }

        public ConnectorModel ToModel() => new()
        {
            Id = Id,
            DeploymentId = DeploymentId,
            Name = Name,
            GroupId = GroupId,
            Multiple = Multiple,
            Config = Config,
            Provider = Provider,
            PriceIn = PriceIn,
            PriceOut = PriceOut,
            CreatedAt = Utc.Of(CreatedAt),
            UpdatedAt = Utc.Of(UpdatedAt),
        };
    }

    private sealed class GroupRow
    {
        public long Id { get; init; }

        public string? Name { get; init; }

        public string TeamId { get; init; } = string.Empty;

        public string[] Models { get; init; } = [];

        public DateTime CreatedAt { get; init; }

        public DateTime UpdatedAt { get; init; }

        public ConnectorGroup ToGroup() => new() { Id = Id, Name = Name, TeamId = TeamId, Models = Models, CreatedAt = Utc.Of(CreatedAt), UpdatedAt = Utc.Of(UpdatedAt) };
    }

    private sealed class KeyRow
    {
        public long Id { get; init; }

        public string Token { get; init; } = string.Empty;

        public string? UserId { get; init; }

        public string? TeamId { get; init; }

        public string? Name { get; init; }

        public string? Email { get; init; }

        public string? UserRole { get; init; }

        public long? GroupId { get; init; }

        public string? GroupName { get; init; }

        public decimal MonthQuota { get; init; }

        public decimal Balance { get; init; }

        public decimal Spend { get; init; }

        public string[] Models { get; init; } = [];

        public bool MadeByConnector { get; init; }

        public DateTime CreatedAt { get; init; }

        public DateTime UpdatedAt { get; init; }

        public ConnectorKeyRecord ToRecord() => new()
        {
            Id = Id,
            Token = Token,
            UserId = UserId,
            TeamId = TeamId,
            Name = Name,
            Email = Email,
            UserRole = UserRole,
            GroupId = GroupId,
            GroupName = GroupName,
            MonthQuota = MonthQuota,
            Balance = Balance,
            Spend = Spend,
            Models = Models,
            MadeByConnector = MadeByConnector,
            CreatedAt = Utc.Of(CreatedAt),
            UpdatedAt = Utc.Of(UpdatedAt),
        };
    }
}
