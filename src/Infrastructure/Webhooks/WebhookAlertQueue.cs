using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using LlmPlatform.Application.Access.Enforcement;
using LlmPlatform.Application.Webhooks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LlmPlatform.Infrastructure.Webhooks;

/// <summary>
/// Alerts raised on the request path (a full limit, a crossed soft budget) become webhook events off that path: they
/// are queued in memory and stored by a background loop. <c>usage.limit.reached</c> is raised at most once per
/// counter and window (the minute of a rate limit, the window of a budget; a day for budgets without a window):
/// this node remembers what it raised, and the outbox's dedupe key keeps other nodes from raising it again.
/// </summary>
internal sealed partial class WebhookAlertQueue : BackgroundService, IUsageLimitAlertSink
{
    private const int Capacity = 10_000;
    private const int RememberedLimit = 50_000;

    private readonly Channel<(WebhookEvent Event, string? DedupeKey)> _queue =
        Channel.CreateBounded<(WebhookEvent, string?)>(new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private readonly ConcurrentDictionary<string, DateTimeOffset> _raised = new(StringComparer.Ordinal);
    private readonly OutboxWebhookEventPublisher _publisher;
    private readonly ILogger<WebhookAlertQueue> _logger;

    public WebhookAlertQueue(OutboxWebhookEventPublisher publisher, ILogger<WebhookAlertQueue> logger)
    {
        _publisher = publisher;
        _logger = logger;
    }

    public void Enqueue(WebhookEvent webhookEvent, string? dedupeKey)
    {
        if (!_queue.Writer.TryWrite((webhookEvent, dedupeKey)))
        {
            LogDropped(_logger, webhookEvent.Type);
        }
    }

    public void LimitReached(UsageLimitAlert alert)
    {
        var (dedupeKey, until) = WindowOf(alert);
        if (!_raised.TryAdd(dedupeKey, until))
        {
            return;
        }

        Forget(alert.At);
        Enqueue(new WebhookEvent(WebhookEventTypes.UsageLimitReached, DataOf(alert), alert.Owner), dedupeKey);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var (webhookEvent, dedupeKey) in _queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await _publisher.PublishOnceAsync(webhookEvent, dedupeKey, stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    LogPublishFailed(_logger, webhookEvent.Type, ex.GetType().Name);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    /// <summary>The counter key names the scope and, for windowed limits, the window; the others get one.</summary>
    private static (string Key, DateTimeOffset Until) WindowOf(UsageLimitAlert alert)
    {
        if (alert.ResetAt is { } reset)
        {
            return ("usage.limit.reached:" + alert.CounterKey, reset);
        }

        var bucket = alert.Kind == LimitKind.Parallel ? TimeSpan.FromMinutes(1) : TimeSpan.FromDays(1);
        var index = alert.At.ToUnixTimeSeconds() / (long)bucket.TotalSeconds;
        var until = DateTimeOffset.FromUnixTimeSeconds((index + 1) * (long)bucket.TotalSeconds);
        return ("usage.limit.reached:" + alert.CounterKey + ":" + index.ToString(CultureInfo.InvariantCulture), until);
    }

    private static JsonObject DataOf(UsageLimitAlert alert)
    {
        var budget = alert.Kind == LimitKind.Budget;
        return new JsonObject
        {
            ["scope"] = alert.Scope,
            ["limit_type"] = alert.Kind switch
            {
                LimitKind.Requests => "rpm_limit",
                LimitKind.Tokens => "tpm_limit",
                LimitKind.Parallel => "max_parallel_requests",
                _ => "max_budget",
            },
            ["limit"] = budget ? Nanos.ToUsd(alert.Limit) : alert.Limit,
            ["current"] = budget ? Nanos.ToUsd(alert.Current) : alert.Current,
            ["reset_at"] = alert.ResetAt?.ToUnixTimeSeconds(),
            ["key_alias"] = alert.KeyAlias,
            ["user_id"] = alert.UserId,
            ["team_id"] = alert.TeamId,
            ["organization_id"] = alert.OrganizationId,
            ["model"] = alert.Model,
        };
    }

    /// <summary>Drops remembered windows that have ended, when there are many.</summary>
    private void Forget(DateTimeOffset now)
    {
        if (_raised.Count <= RememberedLimit)
        {
            return;
        }

        foreach (var (key, until) in _raised)
        {
            if (until <= now)
            {
                _raised.TryRemove(key, out _);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The webhook alert queue is full; a {Type} event was dropped")]
    private static partial void LogDropped(ILogger logger, string type);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A {Type} event could not be stored for webhooks ({Error})")]
    private static partial void LogPublishFailed(ILogger logger, string type, string error);
}
