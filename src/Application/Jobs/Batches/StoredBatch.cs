namespace LlmPlatform.Application.Jobs.Batches;

/// <summary>A batch's row: what the API shows plus what the executor needs (the creating key's hash).</summary>
public sealed record StoredBatch
{
    public required string Id { get; init; }

    public required string Owner { get; init; }

    public required string KeyHash { get; init; }

    public required string Endpoint { get; init; }

    public required string InputFileId { get; init; }

    public required string CompletionWindow { get; init; }

    public required string Status { get; init; }

    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    public BatchErrors? Errors { get; init; }

    public string? OutputFileId { get; init; }

    public string? ErrorFileId { get; init; }

    public int Total { get; init; }

    public int Completed { get; init; }

    public int Failed { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? InProgressAt { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? FinalizingAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    public DateTimeOffset? FailedAt { get; init; }

    public DateTimeOffset? ExpiredAt { get; init; }

    public DateTimeOffset? CancellingAt { get; init; }

    public DateTimeOffset? CancelledAt { get; init; }

    /// <summary>The deployment whose provider batch API runs this batch (<c>use_provider_batch_api</c>); null: the local executor.</summary>
    public string? ProviderDeploymentId { get; init; }

    /// <summary>The batch's id on the provider, once it is created there.</summary>
    public string? ProviderBatchId { get; init; }
}
