using Dapper;
using LlmPlatform.Application.Common.Idempotency;
using LlmPlatform.Infrastructure.Persistence;
using Npgsql;

namespace LlmPlatform.Infrastructure.Idempotency;

/// <summary>
/// Idempotency records in PostgreSQL: the claim is one insert that wins for exactly one of several concurrent
/// requests (on every node), and takes over a record that has expired or was abandoned.
/// </summary>
internal sealed class IdempotencyStore : IIdempotencyStore
{
    private const string ClaimSql = """
        INSERT INTO idempotency_records (scope, idempotency_key, request_hash, created_at)
        VALUES (@scope, @key, @hash, @now)
        ON CONFLICT (scope, idempotency_key) DO UPDATE
            SET request_hash = excluded.request_hash, status_code = NULL, content_type = NULL, body = NULL, created_at = excluded.created_at
            WHERE idempotency_records.created_at < @expired
               OR (idempotency_records.status_code IS NULL AND idempotency_records.created_at < @abandoned)
        RETURNING 1
        """;

    private const string FindSql = """
        SELECT request_hash AS RequestHash, status_code AS StatusCode, content_type AS ContentType, body AS Body
        FROM idempotency_records WHERE scope = @scope AND idempotency_key = @key
        """;

    private const string CompleteSql = """
        UPDATE idempotency_records SET status_code = @statusCode, content_type = @contentType, body = @body
        WHERE scope = @scope AND idempotency_key = @key
        """;

    private const string ReleaseSql = "DELETE FROM idempotency_records WHERE scope = @scope AND idempotency_key = @key AND status_code IS NULL";

    private const string PurgeSql = "DELETE FROM idempotency_records WHERE created_at < @expired";

    private readonly NpgsqlDataSource _dataSource;
    private long _claims;

    public IdempotencyStore(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource;
    }

    public async Task<IdempotencyClaim> ClaimAsync(string scope, string key, string requestHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var expired = now - IdempotencyRules.Retention;
        if (Interlocked.Increment(ref _claims) % 100 == 1)
        {
            // Now and then, not on every request: expired records are only ever read to be taken over.
            await _dataSource.ExecuteAsync(PurgeSql, new { expired }, cancellationToken).ConfigureAwait(false);
        }

        var claimed = await _dataSource.QuerySingleOrDefaultAsync<int?>(
            ClaimSql,
            new { scope, key, hash = requestHash, now, expired, abandoned = now - IdempotencyRules.Abandoned },
            cancellationToken).ConfigureAwait(false);
        if (claimed is not null)
        {
            return new IdempotencyClaim(IdempotencyState.Claimed);
        }

        var row = await _dataSource.QuerySingleOrDefaultAsync<Row>(FindSql, new { scope, key }, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            // Released between the two statements: the retry that follows claims it.
            return new IdempotencyClaim(IdempotencyState.InFlight);
        }

        if (!string.Equals(row.RequestHash, requestHash, StringComparison.Ordinal))
        {
            return new IdempotencyClaim(IdempotencyState.Mismatch);
        }

        return row.StatusCode is { } status
            ? new IdempotencyClaim(IdempotencyState.Replay, new StoredAnswer(status, row.ContentType, row.Body ?? []))
            : new IdempotencyClaim(IdempotencyState.InFlight);
    }

    public Task CompleteAsync(string scope, string key, int statusCode, string? contentType, byte[] body, CancellationToken cancellationToken) =>
        _dataSource.ExecuteAsync(CompleteSql, new { scope, key, statusCode, contentType, body }, cancellationToken);

    public Task ReleaseAsync(string scope, string key, CancellationToken cancellationToken) =>
        _dataSource.ExecuteAsync(ReleaseSql, new { scope, key }, cancellationToken);

    private sealed record Row
    {
        public string RequestHash { get; init; } = string.Empty;

        public int? StatusCode { get; init; }

        public string? ContentType { get; init; }

        public byte[]? Body { get; init; }
    }
}
