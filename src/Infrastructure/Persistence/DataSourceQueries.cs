using Dapper;
using Npgsql;

namespace LlmPlatform.Infrastructure.Persistence;

/// <summary>One-statement Dapper calls on a pooled connection: the repositories' common case.</summary>
internal static class DataSourceQueries
{
    public static async Task<int> ExecuteAsync(this NpgsqlDataSource dataSource, string sql, object? parameters, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public static async Task<T?> QuerySingleOrDefaultAsync<T>(this NpgsqlDataSource dataSource, string sql, object? parameters, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<T>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public static async Task<List<T>> QueryListAsync<T>(this NpgsqlDataSource dataSource, string sql, object? parameters, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return (await connection.QueryAsync<T>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false)).AsList();
    }

    /// <summary>Runs a statement that returns key hashes, then another, in one transaction (deleting what owns keys).</summary>
    public static async Task<IReadOnlyList<string>> DeleteReturningAsync(
        this NpgsqlDataSource dataSource,
        string returningSql,
        string thenSql,
        object parameters,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var returned = (await connection.QueryAsync<string>(new CommandDefinition(returningSql, parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)).AsList();
        await connection.ExecuteAsync(new CommandDefinition(thenSql, parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return returned;
    }
}
