namespace LlmPlatform.Application.Webhooks;

/// <summary>One attempt of a delivery: when, the receiver's status code or the error, how long it took.</summary>
public sealed record WebhookDeliveryAttemptView
{
    public required int Attempt { get; init; }

    /// <summary>Unix seconds.</summary>
    public required long AttemptedAt { get; init; }

    public int? StatusCode { get; init; }

    public string? Error { get; init; }

    public required int DurationMs { get; init; }

    public required bool Succeeded { get; init; }
}
