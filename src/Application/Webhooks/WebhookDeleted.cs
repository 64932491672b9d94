namespace LlmPlatform.Application.Webhooks;

/// <summary><c>DELETE /webhooks/{id}</c>: <c>{"id", "object": "webhook", "deleted": true}</c>.</summary>
public sealed record WebhookDeleted(string Id)
{
    public string Object { get; init; } = "webhook";

    public bool Deleted { get; init; } = true;
}
