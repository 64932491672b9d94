using Dapper;
using Npgsql;

namespace LlmPlatform.Infrastructure.RuntimeConfig;

/// <summary>
/// The stored run-time configuration: credentials, deployments and router settings. Every change moves the
/// version counter in the same transaction, so nodes notice it with one cheap query.
/// </summary>
internal sealed class RuntimeConfigRepository
{
    private const string VersionSql = "SELECT version FROM runtime_config_version WHERE id = 1";

    private const string BumpSql = "UPDATE runtime_config_version SET version = version + 1 WHERE id = 1";

    private const string CredentialsSql = """
        SELECT credential_name AS "Name", credential_values::text AS "ValuesJson", credential_info::text AS "InfoJson"
        FROM credentials
        ORDER BY created_at, credential_name
        """;

    private const string ModelsSql = """
        SELECT model_id AS "Id", model_name AS "ModelName", litellm_params::text AS "ParamsJson",
               secret_params::text AS "SecretsJson", model_info::text AS "InfoJson"
        FROM model_deployments
        ORDER BY created_at, model_id
        """;

    private const string RouterSql = "SELECT settings::text FROM router_settings_override WHERE id = 1";

    private const string InsertCredentialSql = """
        INSERT INTO credentials (credential_name, credential_values, credential_info)
        VALUES (@Name, CAST(@ValuesJson AS jsonb), CAST(@InfoJson AS jsonb))
        ON CONFLICT (credential_name) DO NOTHING
        """;

    private const string UpdateCredentialSql = """
        UPDATE credentials
        SET credential_values = CAST(@ValuesJson AS jsonb), credential_info = CAST(@InfoJson AS jsonb), updated_at = now()
        WHERE credential_name = @Name
        """;

    private const string DeleteCredentialSql = "DELETE FROM credentials WHERE credential_name = @Name";

    private const string InsertModelSql = """
        INSERT INTO model_deployments (model_id, model_name, litellm_params, secret_params, model_info)
        VALUES (@Id, @ModelName, CAST(@ParamsJson AS jsonb), CAST(@SecretsJson AS jsonb), CAST(@InfoJson AS jsonb))
        ON CONFLICT (model_id) DO NOTHING
        """;

    private const string UpdateModelSql = """
        UPDATE model_deployments
        SET model_name = @ModelName, litellm_params = CAST(@ParamsJson AS jsonb), secret_params = CAST(@SecretsJson AS jsonb),
            model_info = CAST(@InfoJson AS jsonb), updated_at = now()
        WHERE model_id = @Id
        """;

    private const string DeleteModelSql = "DELETE FROM model_deployments WHERE model_id = @Id";

    private const string UpsertRouterSql = """
        INSERT INTO router_settings_override (id, settings) VALUES (1, CAST(@Settings AS jsonb))
        ON CONFLICT (id) DO UPDATE SET settings = EXCLUDED.settings, updated_at = now()
        """;

    private readonly NpgsqlDataSource _dataSource;

    public RuntimeConfigRepository(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource;
    }

    public async Task<long> VersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(VersionSql, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Reads everything at one consistent point in time.</summary>
    public async Task<StoredRuntimeConfig> LoadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        var version = await connection.ExecuteScalarAsync<long>(new CommandDefinition(VersionSql, transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var credentials = await connection.QueryAsync<CredentialRow>(new CommandDefinition(CredentialsSql, transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var models = await connection.QueryAsync<ModelRow>(new CommandDefinition(ModelsSql, transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var router = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(RouterSql, transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new StoredRuntimeConfig(version, credentials.ToList(), models.ToList(), router);
    }

    public Task<bool> InsertCredentialAsync(CredentialRow row, CancellationToken cancellationToken) => WriteAsync(InsertCredentialSql, row, cancellationToken);

    public Task<bool> UpdateCredentialAsync(CredentialRow row, CancellationToken cancellationToken) => WriteAsync(UpdateCredentialSql, row, cancellationToken);

    public Task<bool> DeleteCredentialAsync(string name, CancellationToken cancellationToken) => WriteAsync(DeleteCredentialSql, new { Name = name }, cancellationToken);

    public Task<bool> InsertModelAsync(ModelRow row, CancellationToken cancellationToken) => WriteAsync(InsertModelSql, row, cancellationToken);

    public Task<bool> UpdateModelAsync(ModelRow row, CancellationToken cancellationToken) => WriteAsync(UpdateModelSql, row, cancellationToken);

    public Task<bool> DeleteModelAsync(string id, CancellationToken cancellationToken) => WriteAsync(DeleteModelSql, new { Id = id }, cancellationToken);

    public Task<bool> SaveRouterSettingsAsync(string settingsJson, CancellationToken cancellationToken) =>
        WriteAsync(UpsertRouterSql, new { Settings = settingsJson }, cancellationToken);

    /// <summary>Runs one change and, when it touched a row, moves the version in the same transaction.</summary>
    private async Task<bool> WriteAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (rows > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(BumpSql, transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return rows > 0;
    }
}
