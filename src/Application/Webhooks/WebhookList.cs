namespace LlmPlatform.Application.Webhooks;

/// <summary><c>GET /webhooks</c>: <c>{"object": "list", "data": [...]}</c>.</summary>
public sealed record WebhookList(IReadOnlyList<WebhookView> Data)
{
    public string Object { get; init; } = "list";
}
