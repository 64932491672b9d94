namespace LlmPlatform.Application.Webhooks;

/// <summary>A stored webhook subscription; its secret stays encrypted in the store, only the masked form comes out.</summary>
/// <param name="Owner">The owner scope of the key that created it; null for an admin's webhook, which receives every event.</param>
public sealed record Webhook(string Id, string? Owner, string Url, IReadOnlyList<string> Events, string SecretMasked, DateTimeOffset CreatedAt);
