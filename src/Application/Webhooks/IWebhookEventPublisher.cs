namespace LlmPlatform.Application.Webhooks;

/// <summary>Hands an event to the webhook module, which stores it for delivery; returns once it is durable.</summary>
public interface IWebhookEventPublisher
{
    Task PublishAsync(WebhookEvent webhookEvent, CancellationToken cancellationToken);
}
