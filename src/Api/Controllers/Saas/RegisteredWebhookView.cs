using System.Text.Json.Serialization;

namespace LlmPlatform.Api.Controllers.Saas;

/// <summary>A registered webhook as the SaaS dialect shows it.</summary>
public sealed record RegisteredWebhookView
{
    public required string WebhookId { get; init; }

    public required string TeamId { get; init; }

    public required string WebhookUrl { get; init; }

    public required IReadOnlyList<string> Events { get; init; }

    public bool IsActive { get; init; } = true;

    public required DateTime CreatedAt { get; init; }

    /// <summary>Null: a webhook is registered before any event reaches it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public DateTime? LastTriggeredAt { get; init; }
}
