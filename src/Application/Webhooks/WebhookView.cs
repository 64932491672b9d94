namespace LlmPlatform.Application.Webhooks;

/// <summary>A webhook as the API shows it. <see cref="Secret"/> is masked, except in the answer that created it with a generated secret.</summary>
public sealed record WebhookView
{
    public required string Id { get; init; }

    public string Object { get; init; } = "webhook";

    public required string Url { get; init; }

    public required IReadOnlyList<string> Events { get; init; }

    /// <summary>Unix seconds.</summary>
    public required long CreatedAt { get; init; }

    public required string Secret { get; init; }

    public static WebhookView Of(Webhook webhook, string? clearSecret = null) => new()
    {
        Id = webhook.Id,
        Url = webhook.Url,
        Events = webhook.Events,
        CreatedAt = webhook.CreatedAt.ToUnixTimeSeconds(),
        Secret = clearSecret ?? webhook.SecretMasked,
    };
}
