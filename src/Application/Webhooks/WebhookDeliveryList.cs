namespace LlmPlatform.Application.Webhooks;

/// <summary><c>GET /webhooks/{id}/deliveries</c>: the delivery log, newest first.</summary>
public sealed record WebhookDeliveryList(IReadOnlyList<WebhookDeliveryView> Data)
{
    public string Object { get; init; } = "list";
}
