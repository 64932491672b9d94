using System.Text.Json;
using Dapper;
using LlmPlatform.Application.Jobs.Batches;
using LlmPlatform.Infrastructure.Access;
using LlmPlatform.Infrastructure.Persistence;
using Npgsql;

namespace LlmPlatform.Infrastructure.Jobs;

/// <summary>
/// Batches and their lines in PostgreSQL: the API's reads and writes, and the executor's claims (a lease taken with
/// <c>FOR UPDATE SKIP LOCKED</c>, so two nodes never run one batch), line results and status moves.
/// </summary>
internal sealed class BatchStore : IBatchStore
{
    private const string Columns = """
        batch_id AS Id, owner AS Owner, key_hash AS KeyHash, endpoint AS Endpoint, input_file_id AS InputFileId,
        completion_window AS CompletionWindow, status AS Status, metadata::text AS Metadata, errors::text AS Errors,
        output_file_id AS OutputFileId, error_file_id AS ErrorFileId, total_count AS Total, completed_count AS Completed,
        failed_count AS Failed, created_at AS CreatedAt, in_progress_at AS InProgressAt, expires_at AS ExpiresAt,
        finalizing_at AS FinalizingAt, completed_at AS CompletedAt, failed_at AS FailedAt, expired_at AS ExpiredAt,
        cancelling_at AS CancellingAt, cancelled_at AS CancelledAt, provider_deployment_id AS ProviderDeploymentId,
        provider_batch_id AS ProviderBatchId
        """;

    private const string InsertSql = """
        INSERT INTO batches (batch_id, owner, key_hash, endpoint, input_file_id, completion_window, status, metadata, created_at, expires_at)
        VALUES (@Id, @Owner, @KeyHash, @Endpoint, @InputFileId, @CompletionWindow, @Status, @Metadata::jsonb, @CreatedAt, @ExpiresAt)
        """;

    private const string GetSql = "SELECT " + Columns + " FROM batches WHERE batch_id = @id AND (@owner::text IS NULL OR owner = @owner)";

    private const string ListSql = "SELECT " + Columns + """
         FROM batches
        WHERE (@owner::text IS NULL OR owner = @owner)
          AND (@after::text IS NULL OR (created_at, batch_id) < (SELECT a.created_at, a.batch_id FROM batches a WHERE a.batch_id = @after))
        ORDER BY created_at DESC, batch_id DESC
        LIMIT @take
        """;

    private const string CancelSql = """
        UPDATE batches SET status = 'cancelling', cancelling_at = @now
        WHERE batch_id = @id AND status IN ('validating', 'in_progress')
        """;

    private const string ClaimSql = """
        UPDATE batches SET lease_owner = @node, lease_until = @until
        WHERE batch_id = (
            SELECT batch_id FROM batches
            WHERE status IN ('validating', 'in_progress', 'finalizing', 'cancelling')
              AND (lease_until IS NULL OR lease_until < @now)
            ORDER BY created_at
            LIMIT 1
            FOR UPDATE SKIP LOCKED)
        RETURNING
        """ + " " + Columns;

    private const string HeartbeatSql = """
        UPDATE batches SET lease_until = @until WHERE batch_id = @id AND lease_owner = @node RETURNING status
        """;

    private const string SnoozeSql = """
        UPDATE batches SET lease_owner = NULL, lease_until = @until WHERE batch_id = @id AND lease_owner = @node
        """;

    private const string ReleaseSql = "UPDATE batches SET lease_owner = NULL, lease_until = NULL WHERE batch_id = @id AND lease_owner = @node";

    private const string ClearLinesSql = "DELETE FROM batch_requests WHERE batch_id = @id";

    private const string InsertLinesSql = """
        INSERT INTO batch_requests (batch_id, line_no, request_id, custom_id, body, status)
        SELECT @id, l.line_no, l.request_id, l.custom_id, l.body, 'pending'
        FROM unnest(@lineNos, @requestIds, @customIds, @bodies) AS l (line_no, request_id, custom_id, body)
        """;

    private const string StartSql = """
        UPDATE batches SET status = 'in_progress', in_progress_at = @now, total_count = @total, provider_deployment_id = @provider
        WHERE batch_id = @id AND status = 'validating'
        """;

    private const string ProviderBatchSql = "UPDATE batches SET provider_batch_id = @providerBatchId WHERE batch_id = @id";

    private const string MirrorCountsSql = """
        UPDATE batches SET total_count = @total, completed_count = @completed, failed_count = @failed WHERE batch_id = @id
        """;

    private const string FailSql = """
        UPDATE batches SET status = 'failed', failed_at = @now, errors = @errors::jsonb
        WHERE batch_id = @id AND status IN ('validating', 'in_progress', 'cancelling', 'finalizing')
        """;

    private const string PendingSql = """
        SELECT line_no AS LineNo, request_id AS RequestId, custom_id AS CustomId, body AS Body
        FROM batch_requests
        WHERE batch_id = @id AND status = 'pending' AND line_no > @after
        ORDER BY line_no
        LIMIT @take
        """;

    private const string FinishLineSql = """
        WITH done AS (
            UPDATE batch_requests
            SET status = @Status, status_code = @StatusCode, response = @Response, error_code = @ErrorCode,
                error_message = @ErrorMessage, finished_at = @now
            WHERE batch_id = @id AND line_no = @LineNo AND status = 'pending'
            RETURNING status)
        UPDATE batches
        SET completed_count = completed_count + (SELECT count(*) FROM done WHERE status = 'completed'),
            failed_count = failed_count + (SELECT count(*) FROM done WHERE status = 'failed')
        WHERE batch_id = @id
        """;

    private const string FinalizingSql = """
        UPDATE batches SET status = 'finalizing', finalizing_at = @now WHERE batch_id = @id AND status = 'in_progress'
        """;

    private const string CompleteSql = """
        UPDATE batches SET status = 'completed', completed_at = @now, output_file_id = @output, error_file_id = @error
        WHERE batch_id = @id AND status = 'finalizing'
        """;

    private const string CancelledSql = """
        UPDATE batches SET status = 'cancelled', cancelled_at = @now, output_file_id = @output, error_file_id = @error
        WHERE batch_id = @id AND status = 'cancelling'
        """;

    private const string ExpiredSql = """
        UPDATE batches SET status = 'expired', expired_at = @now, output_file_id = @output, error_file_id = @error
        WHERE batch_id = @id AND status IN ('in_progress', 'validating', 'finalizing')
        """;

    private const string ResultsSql = """
        SELECT line_no AS LineNo, request_id AS RequestId, custom_id AS CustomId, status AS Status, status_code AS StatusCode,
               response AS Response, error_code AS ErrorCode, error_message AS ErrorMessage
        FROM batch_requests
        WHERE batch_id = @id AND status = ANY(@statuses) AND line_no > @after
        ORDER BY line_no
        LIMIT @take
        """;

    private const string CountSql = "SELECT count(*) FROM batch_requests WHERE batch_id = @id AND status = ANY(@statuses)";

    private readonly NpgsqlDataSource _dataSource;

    public BatchStore(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource;
    }

    public Task InsertAsync(StoredBatch batch, CancellationToken cancellationToken) =>
        _dataSource.ExecuteAsync(
            InsertSql,
            new
            {
                batch.Id,
                batch.Owner,
                batch.KeyHash,
                batch.Endpoint,
                batch.InputFileId,
                batch.CompletionWindow,
                batch.Status,
                Metadata = batch.Metadata is null ? null : JsonSerializer.Serialize(batch.Metadata),
                batch.CreatedAt,
                batch.ExpiresAt,
            },
            cancellationToken);

    public async Task<StoredBatch?> GetAsync(string id, string? owner, CancellationToken cancellationToken) =>
        (await _dataSource.QuerySingleOrDefaultAsync<BatchRow>(GetSql, new { id, owner }, cancellationToken).ConfigureAwait(false))?.ToBatch();

    public async Task<IReadOnlyList<StoredBatch>> ListAsync(string? owner, string? after, int take, CancellationToken cancellationToken) =>
        (await _dataSource.QueryListAsync<BatchRow>(ListSql, new { owner, after, take }, cancellationToken).ConfigureAwait(false))
            .Select(r => r.ToBatch())
            .ToList();

    public async Task<bool> RequestCancelAsync(string id, DateTimeOffset now, CancellationToken cancellationToken) =>
        await _dataSource.ExecuteAsync(CancelSql, new { id, now }, cancellationToken).ConfigureAwait(false) > 0;

    public async Task<StoredBatch?> ClaimAsync(string node, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken) =>
        (await _dataSource.QuerySingleOrDefaultAsync<BatchRow>(ClaimSql, new { node, now, until }, cancellationToken).ConfigureAwait(false))?.ToBatch();

    /// <summary>Extends the lease and returns the batch's status; null when this node no longer holds the lease.</summary>
    public Task<string?> HeartbeatAsync(string id, string node, DateTimeOffset until, CancellationToken cancellationToken) =>
        _dataSource.QuerySingleOrDefaultAsync<string?>(HeartbeatSql, new { id, node, until }, cancellationToken);

    /// <summary>Gives the batch up until <paramref name="until"/>: no node claims it before then.</summary>
    public Task SnoozeAsync(string id, string node, DateTimeOffset until, CancellationToken cancellationToken) =>
        _dataSource.ExecuteAsync(SnoozeSql, new { id, node, until }, cancellationToken);

    public Task ReleaseAsync(string id, string node, CancellationToken cancellationToken) =>
        _dataSource.ExecuteAsync(ReleaseSql, new { id, node }, cancellationToken);

    public Task ClearLinesAsync(string id, CancellationToken cancellationToken) =>
        _dataSource.ExecuteAsync(ClearLinesSql, new { id }, cancellationToken);

    public Task InsertLinesAsync(string id, IReadOnlyList<BatchLine> lines, CancellationToken cancellationToken) =>
        _dataSource.ExecuteAsync(
            InsertLinesSql,
            new
            {
                id,
                lineNos = lines.Select(l => l.LineNo).ToArray(),
                requestIds = lines.Select(l => l.RequestId).ToArray(),
                customIds = lines.Select(l => l.CustomId).ToArray(),
                bodies = lines.Select(l => l.Body).ToArray(),
            },
            cancellationToken);

    public async Task<bool> StartAsync(string id, int total, string? provider, DateTimeOffset now, CancellationToken cancellationToken) =>
        await _dataSource.ExecuteAsync(StartSql, new { id, total, provider, now }, cancellationToken).ConfigureAwait(false) > 0;

    public Task SetProviderBatchAsync(string id, string providerBatchId, CancellationToken cancellationToken) =>
        _dataSource.ExecuteAsync(ProviderBatchSql, new { id, providerBatchId }, cancellationToken);

    public Task MirrorCountsAsync(string id, int total, int completed, int failed, CancellationToken cancellationToken) =>
        _dataSource.ExecuteAsync(MirrorCountsSql, new { id, total, completed, failed }, cancellationToken);

    /// <remarks>
    /// A message quotes the line it is about (a model, a url), so it is stored with what PostgreSQL cannot hold
    /// replaced: a refused message would leave the batch unfailable.
    /// </remarks>
    public async Task<bool> FailAsync(string id, BatchErrors errors, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var storable = new BatchErrors(errors.Data.Select(e => e with { Message = DatabaseText.Storable(e.Message)! }).ToList());
        return await _dataSource.ExecuteAsync(FailSql, new { id, now, errors = JsonSerializer.Serialize(storable) }, cancellationToken).ConfigureAwait(false) > 0;
    }

    public async Task<IReadOnlyList<BatchLine>> PendingAsync(string id, int after, int take, CancellationToken cancellationToken) =>
        await _dataSource.QueryListAsync<BatchLine>(PendingSql, new { id, after, take }, cancellationToken).ConfigureAwait(false);

    /// <summary>Records a line's result; its error message, which may quote the line, is stored as <see cref="FailAsync"/> stores one.</summary>
    public async Task FinishLineAsync(string id, BatchLineResult result, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            FinishLineSql,
            new { id, now, result.LineNo, result.Status, result.StatusCode, result.Response, result.ErrorCode, ErrorMessage = DatabaseText.Storable(result.ErrorMessage) },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<bool> MarkFinalizingAsync(string id, DateTimeOffset now, CancellationToken cancellationToken) =>
        await _dataSource.ExecuteAsync(FinalizingSql, new { id, now }, cancellationToken).ConfigureAwait(false) > 0;

    /// <summary>Moves the batch to its end status (completed, cancelled or expired) with its result files.</summary>
    public async Task<bool> EndAsync(string id, string status, string? output, string? error, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sql = status switch
        {
            BatchStatuses.Completed => CompleteSql,
            BatchStatuses.Cancelled => CancelledSql,
            BatchStatuses.Expired => ExpiredSql,
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not an end status."),
        };
        return await _dataSource.ExecuteAsync(sql, new { id, now, output, error }, cancellationToken).ConfigureAwait(false) > 0;
    }

    public async Task<IReadOnlyList<BatchLineResult>> ResultsAsync(string id, string[] statuses, int after, int take, CancellationToken cancellationToken) =>
        await _dataSource.QueryListAsync<BatchLineResult>(ResultsSql, new { id, statuses, after, take }, cancellationToken).ConfigureAwait(false);

    public async Task<long> CountAsync(string id, string[] statuses, CancellationToken cancellationToken) =>
        await _dataSource.QuerySingleOrDefaultAsync<long>(CountSql, new { id, statuses }, cancellationToken).ConfigureAwait(false);

    private sealed record BatchRow
    {
        public string Id { get; init; } = string.Empty;

        public string Owner { get; init; } = string.Empty;

        public string KeyHash { get; init; } = string.Empty;

        public string Endpoint { get; init; } = string.Empty;

        public string InputFileId { get; init; } = string.Empty;

        public string CompletionWindow { get; init; } = string.Empty;

        public string Status { get; init; } = string.Empty;

        public string? Metadata { get; init; }

        public string? Errors { get; init; }

        public string? OutputFileId { get; init; }

        public string? ErrorFileId { get; init; }

        public int Total { get; init; }

        public int Completed { get; init; }

        public int Failed { get; init; }

        public DateTime CreatedAt { get; init; }

        public DateTime? InProgressAt { get; init; }

        public DateTime ExpiresAt { get; init; }

        public DateTime? FinalizingAt { get; init; }

        public DateTime? CompletedAt { get; init; }

        public DateTime? FailedAt { get; init; }

        public DateTime? ExpiredAt { get; init; }

        public DateTime? CancellingAt { get; init; }

        public DateTime? CancelledAt { get; init; }

        public string? ProviderDeploymentId { get; init; }

        public string? ProviderBatchId { get; init; }

        public StoredBatch ToBatch() => new()
        {
            Id = Id,
            Owner = Owner,
            KeyHash = KeyHash,
            Endpoint = Endpoint,
            InputFileId = InputFileId,
            CompletionWindow = CompletionWindow,
            Status = Status,
            Metadata = Metadata is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(Metadata),
            Errors = Errors is null ? null : JsonSerializer.Deserialize<BatchErrors>(Errors),
            OutputFileId = OutputFileId,
            ErrorFileId = ErrorFileId,
            Total = Total,
            Completed = Completed,
            Failed = Failed,
            CreatedAt = Utc.Of(CreatedAt),
            InProgressAt = Utc.Of(InProgressAt),
            ExpiresAt = Utc.Of(ExpiresAt),
            FinalizingAt = Utc.Of(FinalizingAt),
            CompletedAt = Utc.Of(CompletedAt),
            FailedAt = Utc.Of(FailedAt),
            ExpiredAt = Utc.Of(ExpiredAt),
            CancellingAt = Utc.Of(CancellingAt),
            CancelledAt = Utc.Of(CancelledAt),
            ProviderDeploymentId = ProviderDeploymentId,
            ProviderBatchId = ProviderBatchId,
        };
    }
}
