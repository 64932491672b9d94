using Dapper;
using Npgsql;

namespace LlmPlatform.Infrastructure.Webhooks;

/// <summary>
/// The delivery outbox in PostgreSQL: events with one delivery row per subscribed webhook, claimed by any node's
/// worker with <c>FOR UPDATE SKIP LOCKED</c> and a lease, so two nodes never send the same attempt.
/// </summary>
internal sealed class WebhookOutbox
{
    // The event is stored only when some webhook wants it, and at most once per dedupe key.
    private const string PublishSql = """
        WITH event AS (
            INSERT INTO webhook_events (id, type, owner, payload, dedupe_key, created_at)
            SELECT @Id, @Type, @Owner, @Payload, @DedupeKey, @CreatedAt
            WHERE EXISTS (SELECT 1 FROM webhooks w WHERE @Type = ANY (w.events) AND (w.owner IS NULL OR w.owner = @Owner))
            ON CONFLICT (dedupe_key) DO NOTHING
            RETURNING id)
        INSERT INTO webhook_deliveries (id, webhook_id, event_id, status, attempts, next_attempt_at, created_at)
        SELECT 'whd_' || replace(gen_random_uuid()::text, '-', ''), w.id, event.id, 'pending', 0, @CreatedAt, @CreatedAt
        FROM event, webhooks w
        WHERE @Type = ANY (w.events) AND (w.owner IS NULL OR w.owner = @Owner)
        """;

    private const string ClaimSql = """
        WITH due AS (
            SELECT id FROM webhook_deliveries
            WHERE status = 'pending' AND next_attempt_at <= @Now
            ORDER BY next_attempt_at
            LIMIT @Limit
            FOR UPDATE SKIP LOCKED)
        UPDATE webhook_deliveries d
        SET attempts = d.attempts + 1, next_attempt_at = @LeaseUntil, first_attempt_at = COALESCE(d.first_attempt_at, @Now)
        FROM due, webhooks w, webhook_events e
        WHERE d.id = due.id AND w.id = d.webhook_id AND e.id = d.event_id
        RETURNING d.id AS Id, d.webhook_id AS WebhookId, e.type AS EventType, w.url AS Url, w.secret_encrypted AS SecretEncrypted,
            w.auth_header_encrypted AS AuthHeaderEncrypted, e.payload AS Payload, d.attempts AS Attempts, d.first_attempt_at AS FirstAttemptAt
        """;

    private const string RecordSql = """
        UPDATE webhook_deliveries
        SET status = @Status, next_attempt_at = @NextAttemptAt, last_status_code = @StatusCode, last_error = @Error, delivered_at = @DeliveredAt
        WHERE id = @Id AND attempts = @Attempt AND status = 'pending'
        """;

    private const string LogAttemptSql = """
        INSERT INTO webhook_delivery_attempts (delivery_id, attempt, attempted_at, status_code, error, duration_ms, succeeded)
        VALUES (@Id, @Attempt, @AttemptedAt, @StatusCode, @Error, @DurationMs, @Succeeded)
        ON CONFLICT (delivery_id, attempt) DO NOTHING
        """;

    private const string ReleaseSql = """
        UPDATE webhook_deliveries
        SET attempts = attempts - 1, next_attempt_at = @Now, first_attempt_at = CASE WHEN attempts = 1 THEN NULL ELSE first_attempt_at END
        WHERE id = @Id AND attempts = @Attempt AND status = 'pending'
        """;

    // Events whose deliveries are all done go after the retention period, with their deliveries and attempts.
    private const string PurgeSql = """
        DELETE FROM webhook_events e
        WHERE e.created_at < @Cutoff
            AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.event_id = e.id AND d.status = 'pending')
        """;

    private readonly NpgsqlDataSource _dataSource;

    public WebhookOutbox(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource;
    }

    /// <summary>Stores an event and its deliveries in one statement; returns how many deliveries it made.</summary>
    public async Task<int> AddAsync(string id, string type, string? owner, string payload, string? dedupeKey, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var parameters = new { Id = id, Type = type, Owner = owner, Payload = payload, DedupeKey = dedupeKey, CreatedAt = createdAt };
        return await connection.ExecuteAsync(new CommandDefinition(PublishSql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Takes up to <paramref name="limit"/> due deliveries for one attempt each, leased until <paramref name="leaseUntil"/>.</summary>
    public async Task<IReadOnlyList<DueDelivery>> ClaimAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<DueDelivery>(new CommandDefinition(
            ClaimSql, new { Now = now, LeaseUntil = leaseUntil, Limit = limit }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.AsList();
    }

    /// <summary>Records an attempt's outcome and the delivery's new state; nothing when the webhook was deleted meanwhile.</summary>
    public async Task RecordAsync(
        DueDelivery delivery,
        DeliveryOutcome outcome,
        string status,
        DateTimeOffset attemptedAt,
        DateTimeOffset nextAttemptAt,
        CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var updated = await connection.ExecuteAsync(new CommandDefinition(
            RecordSql,
            new
            {
                delivery.Id,
                Attempt = delivery.Attempts,
                Status = status,
                NextAttemptAt = nextAttemptAt,
                outcome.StatusCode,
                outcome.Error,
                DeliveredAt = outcome.Succeeded ? attemptedAt : (DateTimeOffset?)null,
            },
            transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (updated == 1)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                LogAttemptSql,
                new
                {
                    delivery.Id,
                    Attempt = delivery.Attempts,
                    AttemptedAt = attemptedAt,
                    outcome.StatusCode,
                    outcome.Error,
                    outcome.DurationMs,
                    outcome.Succeeded,
                },
                transaction,
                cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Gives back a claimed attempt that was not made (the node is stopping), so another node takes it at once.</summary>
    public async Task ReleaseAsync(DueDelivery delivery, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            ReleaseSql, new { delivery.Id, Attempt = delivery.Attempts, Now = now }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Deletes finished events (and their delivery log) created before <paramref name="cutoff"/>; returns how many.</summary>
    public async Task<int> PurgeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(PurgeSql, new { Cutoff = cutoff }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }
}
