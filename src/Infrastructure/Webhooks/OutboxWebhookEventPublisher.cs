using System.Security.Cryptography;
using System.Text.Json.Nodes;
using LlmPlatform.Application.Webhooks;

namespace LlmPlatform.Infrastructure.Webhooks;

/// <summary>
/// Stores an event in the outbox with a delivery for every webhook subscribed to it (the owner's and the admins'),
/// in one statement: once this returns, the event survives a restart. The body is fixed here, so every retry
/// sends (and signs) the same bytes: <c>{"id", "type", "created_at", "data"}</c>.
/// </summary>
internal sealed class OutboxWebhookEventPublisher : IWebhookEventPublisher
{
    private readonly WebhookOutbox _outbox;
    private readonly WebhookWakeup _wakeup;
    private readonly TimeProvider _time;

    public OutboxWebhookEventPublisher(WebhookOutbox outbox, WebhookWakeup wakeup, TimeProvider time)
    {
        _outbox = outbox;
        _wakeup = wakeup;
        _time = time;
    }

    public Task PublishAsync(WebhookEvent webhookEvent, CancellationToken cancellationToken) =>
        PublishOnceAsync(webhookEvent, null, cancellationToken);

    /// <summary>Like <see cref="PublishAsync"/>, but an event with a <paramref name="dedupeKey"/> already stored is not stored again.</summary>
    public async Task PublishOnceAsync(WebhookEvent webhookEvent, string? dedupeKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhookEvent);
        var id = "evt_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var now = _time.GetUtcNow();
        var body = new JsonObject
        {
            ["id"] = id,
            ["type"] = webhookEvent.Type,
            ["created_at"] = now.ToUnixTimeSeconds(),
            ["data"] = webhookEvent.Data.DeepClone(),
        };
        var deliveries = await _outbox.AddAsync(id, webhookEvent.Type, webhookEvent.Owner, body.ToJsonString(), dedupeKey, now, cancellationToken).ConfigureAwait(false);
        if (deliveries > 0)
        {
            _wakeup.Signal();
        }
    }
}
