using System.Text.Json.Nodes;
using LlmPlatform.Application.Configuration;
using LlmPlatform.Application.Webhooks;
using LlmPlatform.Infrastructure.Access;
using LlmPlatform.Infrastructure.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace LlmPlatform.Infrastructure.Webhooks;

/// <summary>
/// Every <c>webhook_key_expiry_check_seconds</c>, raises <c>key.expiring</c> for keys whose <c>expires</c> falls within
/// <c>webhook_key_expiry_days</c>: once per key and expiry (the outbox's dedupe key makes it once across nodes and
/// restarts; a key given a new expiry is announced again).
/// </summary>
internal sealed partial class KeyExpiryWatcher : BackgroundService
{
    private const string ExpiringSql = """
        SELECT token AS Token, key_id AS KeyId, key_alias AS KeyAlias, key_name AS KeyName, user_id AS UserId, team_id AS TeamId,
            organization_id AS OrganizationId, expires AS Expires
        FROM virtual_keys
        WHERE expires > @now AND expires <= @horizon
        ORDER BY expires
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly OutboxWebhookEventPublisher _publisher;
    private readonly WebhookSettings _settings;
    private readonly TimeProvider _time;
    private readonly ILogger<KeyExpiryWatcher> _logger;

    public KeyExpiryWatcher(NpgsqlDataSource dataSource, OutboxWebhookEventPublisher publisher, PlatformConfiguration configuration, TimeProvider time, ILogger<KeyExpiryWatcher> logger)
    {
        _dataSource = dataSource;
        _publisher = publisher;
        _settings = configuration.General.Webhooks;
        _time = time;
        _logger = logger;
    }

    /// <summary>Looks once; returns how many expiring keys it saw.</summary>
    internal async Task<int> CheckAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var keys = await _dataSource.QueryListAsync<ExpiringKey>(ExpiringSql, new { now, horizon = now + _settings.KeyExpiryWarning }, cancellationToken).ConfigureAwait(false);
        foreach (var key in keys)
        {
            var expires = Utc.Of(key.Expires);
            var owner = key.TeamId is { Length: > 0 } team ? "team:" + team
                : key.UserId is { Length: > 0 } user ? "user:" + user
                : "key:" + key.Token;
            var data = new JsonObject
            {
                ["key_id"] = key.KeyId,
                ["key_alias"] = key.KeyAlias,
                ["key_name"] = key.KeyName,
                ["user_id"] = key.UserId,
                ["team_id"] = key.TeamId,
                ["organization_id"] = key.OrganizationId,
                ["expires_at"] = expires.ToUnixTimeSeconds(),
            };
            var dedupeKey = "key.expiring:" + key.Token + ":" + expires.ToUnixTimeSeconds();
            await _publisher.PublishOnceAsync(new WebhookEvent(WebhookEventTypes.KeyExpiring, data, owner), dedupeKey, cancellationToken).ConfigureAwait(false);
        }

        return keys.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await CheckAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogCheckFailed(_logger, ex.GetType().Name);
            }

            try
            {
                await Task.Delay(_settings.KeyExpiryCheckInterval, _time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for expiring keys failed ({Error}); trying again at the next check")]
    private static partial void LogCheckFailed(ILogger logger, string error);

    private sealed record ExpiringKey
    {
        public string Token { get; init; } = string.Empty;

        public string? KeyId { get; init; }

        public string? KeyAlias { get; init; }

        public string? KeyName { get; init; }

        public string? UserId { get; init; }

        public string? TeamId { get; init; }

        public string? OrganizationId { get; init; }

        public DateTime Expires { get; init; }
    }
}
