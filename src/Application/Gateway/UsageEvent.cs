namespace LlmPlatform.Application.Gateway;

/// <summary>What one gateway request cost and who made it; one per request, success or failure.</summary>
public sealed record UsageEvent
{
    public required string RequestId { get; init; }

    public required string CallType { get; init; }

    public required string KeyHash { get; init; }

    public string? KeyAlias { get; init; }

    public string? UserId { get; init; }

    public string? TeamId { get; init; }

    public string? OrganizationId { get; init; }

    public string? EndUser { get; init; }

    public string? ModelGroup { get; init; }

    public string? DeploymentId { get; init; }

    public string? Provider { get; init; }

    public string? ApiBase { get; init; }

    public long PromptTokens { get; init; }

    public long CompletionTokens { get; init; }

    public long TotalTokens => PromptTokens + CompletionTokens;

    public decimal Cost { get; init; }

    public DateTimeOffset StartTime { get; init; }

    public DateTimeOffset EndTime { get; init; }

    public DateTimeOffset? FirstTokenTime { get; init; }

    /// <summary><c>success</c> or <c>failure</c>.</summary>
    public required string Status { get; init; }

    public string? ErrorType { get; init; }

    public bool CacheHit { get; init; }

    public bool Stream { get; init; }

    public int Attempts { get; init; }

    /// <summary>The request's tags (LiteLLM's <c>metadata.tags</c>), for spend by tag; null when it had none.</summary>
    public IReadOnlyList<string>? Tags { get; init; }
}
