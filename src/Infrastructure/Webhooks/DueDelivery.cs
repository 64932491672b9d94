namespace LlmPlatform.Infrastructure.Webhooks;

/// <summary>A delivery claimed for one attempt: where it goes, what it sends, which attempt this is.</summary>
internal sealed record DueDelivery
{
    public string Id { get; init; } = string.Empty;

    public string WebhookId { get; init; } = string.Empty;

    public string EventType { get; init; } = string.Empty;

    public string Url { get; init; } = string.Empty;

    public string SecretEncrypted { get; init; } = string.Empty;

    /// <summary>The encrypted Authorization header value to send, when the webhook has one.</summary>
    public string? AuthHeaderEncrypted { get; init; }

    public string Payload { get; init; } = string.Empty;

    public int Attempts { get; init; }

    public DateTime FirstAttemptAt { get; init; }
}
