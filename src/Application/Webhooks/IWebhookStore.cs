namespace LlmPlatform.Application.Webhooks;

/// <summary>Webhook subscriptions and their delivery log; secrets are encrypted at rest.</summary>
public interface IWebhookStore
{
    /// <summary>Whether secrets can be encrypted; without a key no webhook can be stored.</summary>
    bool CanEncrypt { get; }

    /// <summary>Stores the webhook with its signing secret and, when given, the Authorization header value its deliveries carry.</summary>
    Task AddAsync(Webhook webhook, string secret, string? authHeader, CancellationToken cancellationToken);

    Task<Webhook?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>Every webhook when <paramref name="everyOwner"/>, else those of <paramref name="owner"/>; oldest first.</summary>
    Task<IReadOnlyList<Webhook>> ListAsync(string owner, bool everyOwner, CancellationToken cancellationToken);

    /// <summary>Deletes the webhook and its pending deliveries; false when there was none.</summary>
    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken);

    /// <summary>The newest <paramref name="limit"/> deliveries of a webhook, each with its attempts.</summary>
    Task<IReadOnlyList<WebhookDeliveryView>> ListDeliveriesAsync(string webhookId, int limit, CancellationToken cancellationToken);
}
