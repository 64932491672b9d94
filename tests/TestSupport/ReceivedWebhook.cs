using System.Text.Json;

namespace LlmPlatform.TestSupport;

/// <summary>One request a <see cref="WebhookReceiver"/> got: its headers (lower-case names), the raw body, the status it answered.</summary>
public sealed record ReceivedWebhook(IReadOnlyDictionary<string, string> Headers, byte[] Body, int AnsweredStatus, DateTimeOffset ReceivedAt)
{
    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : string.Empty;

    public string BodyText => System.Text.Encoding.UTF8.GetString(Body);

    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();

    public string DeliveryId => Header("x-llmplatform-delivery");
}
