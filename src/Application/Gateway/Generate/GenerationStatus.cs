namespace LlmPlatform.Application.Gateway.Generate;

/// <summary>Where a <c>/v1/generate</c> request stands (<c>GET /v1/requests/{id}/status</c>).</summary>
public sealed record GenerationStatus
{
    public required string RequestId { get; init; }

    /// <summary>running, completed, failed or cancelled (requests run at once, so none is ever queued).</summary>
    public required string Status { get; init; }

    public int? QueuePosition { get; init; }

    public string? Model { get; init; }

    public string? Error { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }
}
