namespace LlmPlatform.Application.Webhooks;

/// <summary>One event sent (or being sent) to one webhook, with every attempt so far.</summary>
public sealed record WebhookDeliveryView
{
    /// <summary>The <c>x-llmplatform-delivery</c> header: the same on every retry.</summary>
    public required string Id { get; init; }

    public string Object { get; init; } = "webhook.delivery";

    public required string EventId { get; init; }

    public required string EventType { get; init; }

    /// <summary><c>pending</c>, <c>delivered</c> or <c>failed</c> (no 2xx within the retry window).</summary>
    public required string Status { get; init; }

    /// <summary>Unix seconds.</summary>
    public required long CreatedAt { get; init; }

    /// <summary>Unix seconds; while pending, when the next attempt is due.</summary>
    public long? NextAttemptAt { get; init; }

    /// <summary>Unix seconds.</summary>
    public long? DeliveredAt { get; init; }

    public required IReadOnlyList<WebhookDeliveryAttemptView> Attempts { get; init; }
}
