using System.Text.Json;
using LlmPlatform.Application.Gateway;
using LlmPlatform.Infrastructure.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace LlmPlatform.Infrastructure.Ledger;

/// <summary>
/// Drains the ledger queue into <c>spend_logs</c> in batches with binary COPY. A failed batch is kept and
/// retried with backoff, so a PostgreSQL outage delays rows but loses none; shutdown flushes what is queued. Text a
/// client sent (a tag, an end user) is written with what PostgreSQL cannot store replaced (<see cref="DatabaseText"/>),
/// and a batch refused for the data of a row (<see cref="DataRejection"/>) is written in halves until that row is
/// found, so that no row can fail its batch, and every batch behind it, for ever.
/// </summary>
public sealed partial class SpendLedgerWriter : BackgroundService
{
    /// <summary>The most rows one transaction writes; a full batch is followed at once, so a backlog drains.</summary>
    internal const int MaxBatch = 1000;

    /// <summary>How long the writer waits, once woken, for more events to join the batch.</summary>
    private static readonly TimeSpan Linger = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// Under steady traffic, the pause after a batch that was not full, so that the next one gathers what arrived
    /// meanwhile. A batch costs PostgreSQL a fixed share (a COPY, the merge and its roll-ups, a commit) on top of its
    /// rows: writing as fast as it could, the writer made a transaction per few dozen rows.
    /// </summary>
    private static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// The writer's staging table: one per session, emptied by every commit (and gone with a rollback's rows).
    /// Rows are copied into it first so that a retried batch never duplicates a ledger row.
    /// </summary>
    private const string CreateStageSql = "CREATE TEMP TABLE IF NOT EXISTS spend_stage (LIKE spend_logs INCLUDING DEFAULTS) ON COMMIT DELETE ROWS";

    private const string StageCopySql = "COPY spend_stage (" + Columns + ") FROM STDIN (FORMAT BINARY)";

    private const string Columns = """
        request_id, call_type, api_key, key_alias, user_id, team_id, organization_id, end_user, model_group, deployment_id,
        provider, api_base, prompt_tokens, completion_tokens, total_tokens, spend, start_time, end_time, first_token_time,
        status, error_type, cache_hit, stream, attempts, tags
        """;

    /// <summary>
    /// Moves the staged rows into the ledger, skipping those already there (a retried batch), and adds only the
    /// newly inserted rows' spend to the totals of their key, user, team, organization and end user and to the report
    /// roll-ups (<see cref="SpendRollups"/>), in one statement.
    /// </summary>
    private const string MergeSql = "WITH inserted AS (INSERT INTO spend_logs (" + Columns + ") SELECT " + Columns
        + " FROM spend_stage ON CONFLICT (request_id) DO NOTHING RETURNING " + SpendRollups.InsertedColumns + ")"
        + Totals;

    /// <summary>
    /// <see cref="MergeSql"/> for a batch none of whose rows is in the ledger yet, which is every batch but one written
    /// again after its commit went unanswered: a plain insert, which PostgreSQL does without the speculative insertion
    /// and arbiter check that <c>ON CONFLICT</c> costs each row (a tenth of PostgreSQL's time per request at full load). A row
    /// already there makes it fail on the primary key, and the batch is written again with <see cref="MergeSql"/>.
    /// </summary>
    private const string InsertSql = "WITH inserted AS (INSERT INTO spend_logs (" + Columns + ") SELECT " + Columns
        + " FROM spend_stage RETURNING " + SpendRollups.InsertedColumns + ")"
        + Totals;

    private const string LedgerKey = "spend_logs_pkey";

    /// <summary>The clauses that add the inserted rows to the totals and the roll-ups.</summary>
    private const string Totals = SpendRollups.Clauses + """
        ,
        keys AS (UPDATE virtual_keys k SET spend = k.spend + s.total
            FROM (SELECT api_key, sum(spend) AS total FROM batch GROUP BY api_key) s
            WHERE k.token = s.api_key AND s.total <> 0),
        users AS (UPDATE users u SET spend = u.spend + s.total
            FROM (SELECT user_id, sum(spend) AS total FROM batch WHERE user_id IS NOT NULL GROUP BY user_id) s
            WHERE u.user_id = s.user_id AND s.total <> 0),
        teams AS (UPDATE teams t SET spend = t.spend + s.total
            FROM (SELECT team_id, sum(spend) AS total FROM batch WHERE team_id IS NOT NULL GROUP BY team_id) s
            WHERE t.team_id = s.team_id AND s.total <> 0),
        organizations AS (UPDATE organizations o SET spend = o.spend + s.total
            FROM (SELECT organization_id, sum(spend) AS total FROM batch WHERE organization_id IS NOT NULL GROUP BY organization_id) s
            WHERE o.organization_id = s.organization_id AND s.total <> 0)
        INSERT INTO end_users (user_id, spend)
        SELECT end_user, sum(spend) FROM batch WHERE end_user IS NOT NULL GROUP BY end_user
        ON CONFLICT (user_id) DO UPDATE SET spend = end_users.spend + excluded.spend
        """;

    /// <summary>
    /// How long a stop whose shutdown budget is already spent waits for the flush to put the rows it still holds in
    /// the spill (a local file append, a matter of milliseconds).
    /// </summary>
    private static readonly TimeSpan SpillGrace = TimeSpan.FromSeconds(10);

    private readonly SpendLedger _ledger;
    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger<SpendLedgerWriter> _logger;

    /// <summary>Tells the shutdown flush to stop waiting for PostgreSQL and spill the rest.</summary>
    private readonly CancellationTokenSource _hurry = new();

    private long _written;

    /// <summary>
    /// The writer's own session, held between batches: the staging table and the prepared merge live in it, so a
    /// batch is a COPY, one planned statement and a commit, not a table created and dropped each time.
    /// </summary>
    private NpgsqlConnection? _connection;

    private NpgsqlCommand? _insert;

    private NpgsqlCommand? _merge;

    public SpendLedgerWriter(SpendLedger ledger, NpgsqlDataSource dataSource, ILogger<SpendLedgerWriter> logger)
    {
        _ledger = ledger;
        _dataSource = dataSource;
        _logger = logger;
    }

    public long Written => Interlocked.Read(ref _written);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<UsageEvent>(MaxBatch);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                Fill(batch);
                if (batch.Count > 0)
                {
                    var full = batch.Count == MaxBatch;
                    await WriteWithRetryAsync(batch, stoppingToken).ConfigureAwait(false);
                    if (!full)
                    {
                        // A full batch means a backlog: write on at once. Otherwise let the next batch gather.
                        await Task.Delay(Pace, stoppingToken).ConfigureAwait(false);
                    }
                }
                else if (_ledger.Spill.OldestSegment() is { } segment)
                {
                    await ReplayAsync(segment, stoppingToken).ConfigureAwait(false);
                }
                else if (await WaitForEventsAsync(stoppingToken).ConfigureAwait(false))
                {
                    // Woken by the first event after a quiet spell: let a few more arrive, so that light traffic
                    // is written a batch per interval instead of a transaction per request.
                    await Task.Delay(Linger, stoppingToken).ConfigureAwait(false);
                }
            }
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: flush below. The write in flight may have ended with the stop itself or with an outage
            // error that is no longer retried once stopping; either way the rows it did not write are still in the
            // batch, and going on to the flush (rather than out of the service) is what keeps them.
        }

        try
        {
            await FlushAsync(batch).ConfigureAwait(false);
        }
        finally
        {
            await ReleaseConnectionAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Stops the loop and waits for the shutdown flush while the host's shutdown budget lasts. When the budget runs out
    /// first (the drain of in-flight requests can spend all of it), the flush stops waiting for PostgreSQL and spills
    /// what it holds, and the stop returns only then: the host exits once this returns, and rows still in memory
    /// would go with it.
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await base.StopAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The budget ran out; handled below.
        }

        if (ExecuteTask is { IsCompleted: false } running)
        {
            LogHurried(_logger, _ledger.Pending);
            await _hurry.CancelAsync().ConfigureAwait(false);
            // Not the host's token: it is spent, and waiting here is what keeps the rows.
            await running.WaitAsync(SpillGrace, CancellationToken.None).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    public override void Dispose()
    {
        _hurry.Dispose();
        base.Dispose();
    }

    /// <summary>Writes everything still queued in memory, with a bounded effort; what cannot be written goes to disk.</summary>
    private async Task FlushAsync(List<UsageEvent> batch)
    {
        using var flushTimeout = CancellationTokenSource.CreateLinkedTokenSource(_hurry.Token);
        flushTimeout.CancelAfter(TimeSpan.FromSeconds(15));
        Fill(batch);
        while (batch.Count > 0)
        {
            try
            {
                await WriteIsolatingAsync(batch, flushTimeout.Token).ConfigureAwait(false);
                Fill(batch);
            }
            catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException or IOException or TimeoutException)
            {
                LogFlushFailed(_logger, batch.Count + _ledger.Pending, ex.GetType().Name);
                do
                {
                    foreach (var item in batch)
                    {
                        _ledger.Spill.Append(item);
                    }

                    batch.Clear();
                    Fill(batch);
                }
                while (batch.Count > 0);
            }
        }
    }

    /// <returns>Whether events are waiting.</returns>
    private async Task<bool> WaitForEventsAsync(CancellationToken stoppingToken)
    {
        // Wakes for new events, and once a second to look for spilled segments (also those of an earlier run).
        using var tick = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        tick.CancelAfter(TimeSpan.FromSeconds(1));
        try
        {
            return await _ledger.Reader.WaitToReadAsync(tick.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Writes one spilled segment in batches and deletes it once every row is committed.</summary>
    private async Task ReplayAsync(string segment, CancellationToken stoppingToken)
    {
        var events = LedgerSpill.Read(segment);
        for (var offset = 0; offset < events.Count; offset += MaxBatch)
        {
            var batch = events.GetRange(offset, Math.Min(MaxBatch, events.Count - offset));
            await WriteWithRetryAsync(batch, stoppingToken).ConfigureAwait(false);
        }

        LedgerSpill.Delete(segment);
    }

    private void Fill(List<UsageEvent> batch)
    {
        while (batch.Count < MaxBatch && _ledger.Reader.TryRead(out var item))
        {
            batch.Add(item);
        }
    }

    private async Task WriteWithRetryAsync(List<UsageEvent> batch, CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(200);
        while (batch.Count > 0)
        {
            try
            {
                await WriteIsolatingAsync(batch, stoppingToken).ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or IOException or TimeoutException && !stoppingToken.IsCancellationRequested)
            {
                LogRetry(_logger, batch.Count, ex.GetType().Name, delay.TotalMilliseconds);
                await Task.Delay(delay, stoppingToken).ConfigureAwait(false);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 5000));
            }
        }
    }

    /// <summary>
    /// Writes the batch and empties it. A batch PostgreSQL refuses for the data of a row is written in halves, and a
    /// refused half in halves again, so its good rows land and each refused row is found in about twice log2(size)
    /// more writes. Rows leave the batch once written (or set aside), so when another error ends the write (an outage)
    /// the batch holds just the rows still to write. A batch that is not refused costs nothing more.
    /// </summary>
    private async Task WriteIsolatingAsync(List<UsageEvent> batch, CancellationToken cancellationToken)
    {
        if (await RefusalAsync(batch, cancellationToken).ConfigureAwait(false) is { } refusal)
        {
            await IsolateAsync(batch, batch.Count, refusal, cancellationToken).ConfigureAwait(false);
        }

        batch.Clear();
    }

    /// <summary>Writes the first <paramref name="count"/> rows of the batch, refused together, and removes them from it.</summary>
    private async Task IsolateAsync(List<UsageEvent> batch, int count, Exception refusal, CancellationToken cancellationToken)
    {
        if (count == 1)
        {
            await WriteRefusedRowAsync(batch[0], refusal, cancellationToken).ConfigureAwait(false);
            batch.RemoveAt(0);
            return;
        }

        foreach (var size in (int[])[count / 2, count - (count / 2)])
        {
            if (await RefusalAsync(batch.GetRange(0, size), cancellationToken).ConfigureAwait(false) is { } partRefusal)
            {
                await IsolateAsync(batch, size, partRefusal, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                batch.RemoveRange(0, size);
            }
        }
    }

    /// <summary>
    /// A row PostgreSQL refuses on its own is written without the fields accounting can do without (<see cref="Degraded"/>),
    /// so that its spend still counts against its key and owners; refused even so, it is set aside in the spill's
    /// rejected file, and the rows behind it go on.
    /// </summary>
    private async Task WriteRefusedRowAsync(UsageEvent row, Exception refusal, CancellationToken cancellationToken)
    {
        var degraded = Degraded(row);
        if (degraded != row)
        {
            if (await RefusalAsync([degraded], cancellationToken).ConfigureAwait(false) is not { } degradedRefusal)
            {
                _ledger.CountDegraded();
                LogDegraded(_logger, row.RequestId, DataRejection.Code(refusal));
                return;
            }

            refusal = degradedRefusal;
        }

        try
        {
            _ledger.Spill.Reject(row);
            LogRejected(_logger, row.RequestId, DataRejection.Code(refusal), _ledger.Spill.RejectedPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogRejectedLost(_logger, row.RequestId, DataRejection.Code(refusal), ex.GetType().Name);
        }
    }

    /// <summary>
    /// The row with only what money accounting needs (ids, model, tokens, spend, times, outcome): without the key alias,
    /// the end user, the tags, the API base and the error type, the text most likely to hold what PostgreSQL refused.
    /// </summary>
    internal static UsageEvent Degraded(UsageEvent row) =>
        row with { KeyAlias = null, EndUser = null, Tags = null, ApiBase = null, ErrorType = null };

    /// <returns>Null when the rows were written; the error when PostgreSQL refused them for their data.</returns>
    /// <remarks>Any other error (an outage) is thrown.</remarks>
    private async Task<Exception?> RefusalAsync(List<UsageEvent> rows, CancellationToken cancellationToken)
    {
        try
        {
            await WriteAsync(rows, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (Exception ex) when (DataRejection.IsPermanent(ex))
        {
            return ex;
        }
    }

    private async Task WriteAsync(List<UsageEvent> batch, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var held = _connection is not null;
            var (connection, insert, merge) = await SessionAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (!await WriteOnceAsync(connection, insert, batch, cancellationToken).ConfigureAwait(false))
                {
                    await WriteOnceAsync(connection, merge, batch, cancellationToken).ConfigureAwait(false);
                }

                Interlocked.Add(ref _written, batch.Count);
                return;
            }
            catch (Exception ex) when (held && attempt == 0 && ex is NpgsqlException or IOException && !DataRejection.IsPermanent(ex))
            {
                // The session held since the last batch went away (a server restart, an idle timeout): one more try
                // on a fresh one before this counts as an outage (a refusal of the rows' data would only repeat). A
                // batch whose commit did land is skipped by the merge, so trying again never counts a row twice.
                await ReleaseConnectionAsync().ConfigureAwait(false);
            }
            catch
            {
                await ReleaseConnectionAsync().ConfigureAwait(false);
                throw;
            }
        }
    }

    /// <summary>Writes the batch in one transaction with <paramref name="merge"/>.</summary>
    /// <returns>False when a row of it was already in the ledger and <paramref name="merge"/> does not skip such rows
    /// (<see cref="InsertSql"/>); nothing was written then.</returns>
    private static async Task<bool> WriteOnceAsync(NpgsqlConnection connection, NpgsqlCommand merge, List<UsageEvent> batch, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var importer = await connection.BeginBinaryImportAsync(StageCopySql, cancellationToken).ConfigureAwait(false))
        {
            foreach (var e in batch)
            {
                await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(DatabaseText.Storable(e.RequestId), NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(DatabaseText.Storable(e.CallType), NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(DatabaseText.Storable(e.KeyHash), NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await WriteNullableAsync(importer, e.KeyAlias, cancellationToken).ConfigureAwait(false);
                await WriteNullableAsync(importer, e.UserId, cancellationToken).ConfigureAwait(false);
                await WriteNullableAsync(importer, e.TeamId, cancellationToken).ConfigureAwait(false);
                await WriteNullableAsync(importer, e.OrganizationId, cancellationToken).ConfigureAwait(false);
                await WriteNullableAsync(importer, e.EndUser, cancellationToken).ConfigureAwait(false);
                await WriteNullableAsync(importer, e.ModelGroup, cancellationToken).ConfigureAwait(false);
                await WriteNullableAsync(importer, e.DeploymentId, cancellationToken).ConfigureAwait(false);
                await WriteNullableAsync(importer, e.Provider, cancellationToken).ConfigureAwait(false);
                await WriteNullableAsync(importer, e.ApiBase, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(e.PromptTokens, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(e.CompletionTokens, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(e.TotalTokens, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(e.Cost, NpgsqlDbType.Numeric, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(e.StartTime.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(e.EndTime.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
                if (e.FirstTokenTime is { } first)
                {
                    await importer.WriteAsync(first.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await importer.WriteNullAsync(cancellationToken).ConfigureAwait(false);
                }

                await importer.WriteAsync(DatabaseText.Storable(e.Status), NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await WriteNullableAsync(importer, e.ErrorType, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(e.CacheHit, NpgsqlDbType.Boolean, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(e.Stream, NpgsqlDbType.Boolean, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(e.Attempts, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                if (e.Tags is { Count: > 0 } tags)
                {
                    await importer.WriteAsync(JsonSerializer.Serialize(DatabaseText.Storable(tags), LedgerJsonContext.Default.IReadOnlyListString), NpgsqlDbType.Jsonb, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await importer.WriteNullAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        merge.Transaction = transaction;
        try
        {
            await merge.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException ex) when (ex is { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: LedgerKey })
        {
            // Disposing the transaction rolls it back, the staged rows with it.
            return false;
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>The held session, opened (with its staging table and prepared statements) when there is none.</summary>
    private async Task<(NpgsqlConnection Connection, NpgsqlCommand Insert, NpgsqlCommand Merge)> SessionAsync(CancellationToken cancellationToken)
    {
        if (_connection is not null && _insert is not null && _merge is not null)
        {
            return (_connection, _insert, _merge);
        }

        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using (var create = new NpgsqlCommand(CreateStageSql, connection))
            {
                await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            var insert = new NpgsqlCommand(InsertSql, connection);
            var merge = new NpgsqlCommand(MergeSql, connection);
            await insert.PrepareAsync(cancellationToken).ConfigureAwait(false);
            await merge.PrepareAsync(cancellationToken).ConfigureAwait(false);
            (_connection, _insert, _merge) = (connection, insert, merge);
            return (connection, insert, merge);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task ReleaseConnectionAsync()
    {
        if (_insert is not null)
        {
            await _insert.DisposeAsync().ConfigureAwait(false);
            _insert = null;
        }

        if (_merge is not null)
        {
            await _merge.DisposeAsync().ConfigureAwait(false);
            _merge = null;
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
            _connection = null;
        }
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter importer, string? value, CancellationToken cancellationToken) =>
        value is null ? importer.WriteNullAsync(cancellationToken) : importer.WriteAsync(DatabaseText.Storable(value), NpgsqlDbType.Text, cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Spend ledger: writing {Count} rows failed ({Error}); retrying in {DelayMs} ms")]
    private static partial void LogRetry(ILogger logger, int count, string error, double delayMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Spend ledger: the shutdown timeout is spent; rows not yet written ({Pending} queued) go to the spill, to be written by the next start")]
    private static partial void LogHurried(ILogger logger, int pending);

    [LoggerMessage(Level = LogLevel.Error, Message = "Spend ledger: {Count} rows could not be flushed at shutdown ({Error})")]
    private static partial void LogFlushFailed(ILogger logger, int count, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Spend ledger: PostgreSQL refused row {RequestId} (SQLSTATE {SqlState}); written without its key alias, end user, tags, API base and error type")]
    private static partial void LogDegraded(ILogger logger, string requestId, string? sqlState);

    [LoggerMessage(Level = LogLevel.Error, Message = "Spend ledger: PostgreSQL refused row {RequestId} (SQLSTATE {SqlState}), also without its optional fields; set aside in {RejectedPath}")]
    private static partial void LogRejected(ILogger logger, string requestId, string? sqlState, string rejectedPath);

    [LoggerMessage(Level = LogLevel.Error, Message = "Spend ledger: PostgreSQL refused row {RequestId} (SQLSTATE {SqlState}), and it could not be set aside ({Error}); it is lost")]
    private static partial void LogRejectedLost(ILogger logger, string requestId, string? sqlState, string error);
}
