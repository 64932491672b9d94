namespace LlmPlatform.Application.Jobs.Saas;

/// <summary>One LLM call made within a job, with what it used and cost; <see cref="Error"/> is set when it failed.</summary>
public sealed record SaasJobCall
{
    public required Guid CallId { get; init; }

    public required Guid JobId { get; init; }

    public required string RequestId { get; init; }

    public string? Purpose { get; init; }

    public string? ModelGroup { get; init; }

    public string? DeploymentId { get; init; }

    public long PromptTokens { get; init; }

    public long CompletionTokens { get; init; }

    public long TotalTokens => PromptTokens + CompletionTokens;

    public decimal CostUsd { get; init; }

    public int LatencyMs { get; init; }

    public string? Error { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
