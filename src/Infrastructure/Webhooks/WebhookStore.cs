using Dapper;
using LlmPlatform.Application.Webhooks;
using LlmPlatform.Infrastructure.Access;
using LlmPlatform.Infrastructure.Persistence;
using Npgsql;

namespace LlmPlatform.Infrastructure.Webhooks;

/// <summary>Webhooks and their delivery log in PostgreSQL, with Dapper; secrets stored encrypted.</summary>
internal sealed class WebhookStore : IWebhookStore
{
    private const string Columns = """
        id AS Id, owner AS Owner, url AS Url, events AS Events, secret_masked AS SecretMasked, created_at AS CreatedAt
        """;

    private const string InsertSql = """
        INSERT INTO webhooks (id, owner, url, events, secret_encrypted, secret_masked, auth_header_encrypted, created_at)
        VALUES (@Id, @Owner, @Url, @Events, @SecretEncrypted, @SecretMasked, @AuthHeaderEncrypted, @CreatedAt)
        """;

    private const string FindSql = "SELECT " + Columns + " FROM webhooks WHERE id = @id";

    private const string ListAllSql = "SELECT " + Columns + " FROM webhooks ORDER BY created_at, id";

    private const string ListOwnedSql = "SELECT " + Columns + " FROM webhooks WHERE owner = @owner ORDER BY created_at, id";

    private const string DeleteSql = "DELETE FROM webhooks WHERE id = @id";

    private const string DeliveriesSql = """
        SELECT d.id AS Id, d.event_id AS EventId, e.type AS EventType, d.status AS Status, d.created_at AS CreatedAt,
            d.next_attempt_at AS NextAttemptAt, d.delivered_at AS DeliveredAt
        FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id
        WHERE d.webhook_id = @webhookId
        ORDER BY d.created_at DESC, d.id
        LIMIT @limit
        """;

    private const string AttemptsSql = """
        SELECT delivery_id AS DeliveryId, attempt AS Attempt, attempted_at AS AttemptedAt, status_code AS StatusCode, error AS Error,
            duration_ms AS DurationMs, succeeded AS Succeeded
        FROM webhook_delivery_attempts
        WHERE delivery_id = ANY (@ids)
        ORDER BY delivery_id, attempt
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly WebhookSecretCipher _cipher;

    public WebhookStore(NpgsqlDataSource dataSource, WebhookSecretCipher cipher)
    {
        _dataSource = dataSource;
        _cipher = cipher;
    }

    public bool CanEncrypt => _cipher.IsConfigured;

    public async Task AddAsync(Webhook webhook, string secret, string? authHeader, CancellationToken cancellationToken)
    {
        await _dataSource.ExecuteAsync(
            InsertSql,
            new
            {
                webhook.Id,
                webhook.Owner,
                webhook.Url,
                Events = webhook.Events.ToArray(),
                SecretEncrypted = _cipher.Encrypt(webhook.Id, secret),
                webhook.SecretMasked,
                AuthHeaderEncrypted = authHeader is null ? null : _cipher.EncryptAuthHeader(webhook.Id, authHeader),
                webhook.CreatedAt,
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<Webhook?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var row = await _dataSource.QuerySingleOrDefaultAsync<WebhookRow>(FindSql, new { id }, cancellationToken).ConfigureAwait(false);
        return row?.ToWebhook();
    }

    public async Task<IReadOnlyList<Webhook>> ListAsync(string owner, bool everyOwner, CancellationToken cancellationToken)
    {
        var rows = everyOwner
            ? await _dataSource.QueryListAsync<WebhookRow>(ListAllSql, null, cancellationToken).ConfigureAwait(false)
            : await _dataSource.QueryListAsync<WebhookRow>(ListOwnedSql, new { owner }, cancellationToken).ConfigureAwait(false);
        return rows.Select(r => r.ToWebhook()).ToList();
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken) =>
        await _dataSource.ExecuteAsync(DeleteSql, new { id }, cancellationToken).ConfigureAwait(false) > 0;

    public async Task<IReadOnlyList<WebhookDeliveryView>> ListDeliveriesAsync(string webhookId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var deliveries = (await connection.QueryAsync<DeliveryRow>(new CommandDefinition(
            DeliveriesSql, new { webhookId, limit }, cancellationToken: cancellationToken)).ConfigureAwait(false)).AsList();
        if (deliveries.Count == 0)
        {
            return [];
        }

        var attempts = (await connection.QueryAsync<AttemptRow>(new CommandDefinition(
            AttemptsSql, new { ids = deliveries.Select(d => d.Id).ToArray() }, cancellationToken: cancellationToken)).ConfigureAwait(false))
            .ToLookup(a => a.DeliveryId, StringComparer.Ordinal);
        return deliveries.Select(d => new WebhookDeliveryView
        {
            Id = d.Id,
            EventId = d.EventId,
            EventType = d.EventType,
            Status = d.Status,
            CreatedAt = Utc.Of(d.CreatedAt).ToUnixTimeSeconds(),
            NextAttemptAt = d.Status == "pending" ? Utc.Of(d.NextAttemptAt).ToUnixTimeSeconds() : null,
            DeliveredAt = Utc.Of(d.DeliveredAt)?.ToUnixTimeSeconds(),
            Attempts = attempts[d.Id].Select(a => new WebhookDeliveryAttemptView
            {
                Attempt = a.Attempt,
                AttemptedAt = Utc.Of(a.AttemptedAt).ToUnixTimeSeconds(),
                StatusCode = a.StatusCode,
                Error = a.Error,
                DurationMs = a.DurationMs,
                Succeeded = a.Succeeded,
            }).ToList(),
        }).ToList();
    }

    private sealed record WebhookRow
    {
        public string Id { get; init; } = string.Empty;

        public string? Owner { get; init; }

        public string Url { get; init; } = string.Empty;

        public string[] Events { get; init; } = [];

        public string SecretMasked { get; init; } = string.Empty;

        public DateTime CreatedAt { get; init; }

        public Webhook ToWebhook() => new(Id, Owner, Url, Events, SecretMasked, Utc.Of(CreatedAt));
    }

    private sealed record DeliveryRow
    {
        public string Id { get; init; } = string.Empty;

        public string EventId { get; init; } = string.Empty;

        public string EventType { get; init; } = string.Empty;

        public string Status { get; init; } = string.Empty;

        public DateTime CreatedAt { get; init; }

        public DateTime NextAttemptAt { get; init; }

        public DateTime? DeliveredAt { get; init; }
    }

    private sealed record AttemptRow
    {
        public string DeliveryId { get; init; } = string.Empty;

        public int Attempt { get; init; }

        public DateTime AttemptedAt { get; init; }

        public int? StatusCode { get; init; }

        public string? Error { get; init; }

        public int DurationMs { get; init; }

        public bool Succeeded { get; init; }
    }
}
