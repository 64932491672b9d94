using LlmPlatform.Application.Configuration;
using LlmPlatform.Infrastructure.Access;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LlmPlatform.Infrastructure.Webhooks;

/// <summary>
/// One per node: claims due deliveries from the outbox, posts them, and records every attempt. A 2xx delivers;
/// anything else is retried on <see cref="WebhookRetrySchedule"/> until the retry window after the first attempt
/// ends, then the delivery is failed. Pending deliveries wait in PostgreSQL, so a restart loses none.
/// </summary>
internal sealed partial class WebhookDeliveryWorker : BackgroundService
{
    private const int BatchSize = 16;
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan OutageBackoff = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan PurgeInterval = TimeSpan.FromHours(1);
    private static readonly TimeSpan MinimumRetention = TimeSpan.FromDays(30);

    private readonly WebhookOutbox _outbox;
    private readonly WebhookSender _sender;
    private readonly WebhookSecretCipher _cipher;
    private readonly WebhookRetrySchedule _schedule;
    private readonly WebhookWakeup _wakeup;
    private readonly TimeProvider _time;
    private readonly ILogger<WebhookDeliveryWorker> _logger;
    private readonly TimeSpan _retention;
    private DateTimeOffset _nextPurge = DateTimeOffset.MinValue;

    public WebhookDeliveryWorker(
        WebhookOutbox outbox,
        WebhookSender sender,
        WebhookSecretCipher cipher,
        WebhookRetrySchedule schedule,
        WebhookWakeup wakeup,
        TimeProvider time,
        PlatformConfiguration configuration,
        ILogger<WebhookDeliveryWorker> logger)
    {
        // The log is kept at least 30 days, and longer than the key-expiry warning, whose dedupe keys live in it.
        _retention = configuration.General.Webhooks.KeyExpiryWarning + TimeSpan.FromDays(1) > MinimumRetention
            ? configuration.General.Webhooks.KeyExpiryWarning + TimeSpan.FromDays(1)
            : MinimumRetention;
        _outbox = outbox;
        _sender = sender;
        _cipher = cipher;
        _schedule = schedule;
        _wakeup = wakeup;
        _time = time;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            int claimed;
            try
            {
                claimed = await RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogOutboxUnavailable(_logger, ex.GetType().Name);
                await DelayAsync(OutageBackoff, stoppingToken).ConfigureAwait(false);
                continue;
            }

            if (claimed < BatchSize)
            {
                try
                {
                    await _wakeup.WaitAsync(_schedule.PollInterval, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Claims and sends one batch of due deliveries; returns how many it claimed.</summary>
    internal async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (now >= _nextPurge)
        {
            _nextPurge = now + PurgeInterval;
            await _outbox.PurgeAsync(now - _retention, cancellationToken).ConfigureAwait(false);
        }

        var due = await _outbox.ClaimAsync(now, now + Lease, BatchSize, cancellationToken).ConfigureAwait(false);
        if (due.Count > 0)
        {
            await Task.WhenAll(due.Select(d => DeliverAsync(d, cancellationToken))).ConfigureAwait(false);
        }

        return due.Count;
    }

    private async Task DeliverAsync(DueDelivery delivery, CancellationToken cancellationToken)
    {
        DeliveryOutcome outcome;
        var secret = _cipher.Decrypt(delivery.WebhookId, delivery.SecretEncrypted);
        var readable = secret.IsSuccess;
        string? authorization = null;
        if (readable && delivery.AuthHeaderEncrypted is { } stored)
        {
            var header = _cipher.DecryptAuthHeader(delivery.WebhookId, stored);
            readable = header.IsSuccess;
            authorization = readable ? header.Value : null;
        }

        if (!readable)
        {
            outcome = new DeliveryOutcome(null, "the webhook's secret cannot be decrypted (was the encryption key changed?)", 0);
        }
        else
        {
            try
            {
                outcome = await _sender.SendAsync(delivery, secret.Value, authorization, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await _outbox.ReleaseAsync(delivery, _time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
                return;
            }
        }

        var attemptedAt = _time.GetUtcNow();
        string status;
        var next = attemptedAt;
        if (outcome.Succeeded)
        {
            status = "delivered";
        }
        else
        {
            next = attemptedAt + _schedule.DelayAfter(delivery.Attempts);
            status = next - Utc.Of(delivery.FirstAttemptAt) > _schedule.Window ? "failed" : "pending";
        }

        await _outbox.RecordAsync(delivery, outcome, status, attemptedAt, next, CancellationToken.None).ConfigureAwait(false);
        LogAttempt(_logger, delivery.Id, delivery.WebhookId, delivery.Attempts, outcome.StatusCode ?? 0, status);
    }

    private async Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook delivery {DeliveryId} to {WebhookId}, attempt {Attempt}: status {StatusCode}, now {State}")]
    private static partial void LogAttempt(ILogger logger, string deliveryId, string webhookId, int attempt, int statusCode, string state);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The webhook outbox is unavailable ({Error}); retrying shortly")]
    private static partial void LogOutboxUnavailable(ILogger logger, string error);
}
