namespace LlmPlatform.Application.Configuration;

/// <summary>The <c>general_settings.webhook_*</c> keys: where webhooks may point, how deliveries retry, when keys count as expiring.</summary>
public sealed record WebhookSettings
{
    /// <summary>
    /// <c>webhook_allowed_hosts</c>: hosts (<c>name</c> or <c>name:port</c>) a webhook may use even though they are, or
    /// resolve to, loopback, private or link-local addresses. Empty: only public addresses.
    /// </summary>
    public IReadOnlyList<string> AllowedHosts { get; init; } = [];

    /// <summary><c>webhook_retry_base_seconds</c>: the first retry's delay; later ones grow from it (10 s gives 10 s, 30 s, 1 min, 5 min, 15 min, then hourly).</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long after its first attempt a delivery is retried before it is marked failed.</summary>
    public TimeSpan RetryWindow { get; init; } = TimeSpan.FromHours(24);

    /// <summary><c>webhook_key_expiry_days</c>: a key whose <c>expires</c> is this close raises one <c>key.expiring</c> event.</summary>
    public TimeSpan KeyExpiryWarning { get; init; } = TimeSpan.FromDays(7);

    /// <summary><c>webhook_key_expiry_check_seconds</c>: how often each node looks for expiring keys.</summary>
    public TimeSpan KeyExpiryCheckInterval { get; init; } = TimeSpan.FromHours(1);
}
