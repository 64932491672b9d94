using System.Text.Json.Serialization;

namespace LlmPlatform.Application.Jobs.Batches;

/// <summary>OpenAI's batch object; every field is present, null when not reached yet.</summary>
public sealed record BatchObject
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("object")]
    public string Object => "batch";

    [JsonPropertyName("endpoint")]
    public required string Endpoint { get; init; }

    [JsonPropertyName("errors")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public BatchErrors? Errors { get; init; }

    [JsonPropertyName("input_file_id")]
    public required string InputFileId { get; init; }

    [JsonPropertyName("completion_window")]
    public required string CompletionWindow { get; init; }

    [JsonPropertyName("status")]
    public required string Status { get; init; }

    [JsonPropertyName("output_file_id")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? OutputFileId { get; init; }

    [JsonPropertyName("error_file_id")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? ErrorFileId { get; init; }

    [JsonPropertyName("created_at")]
    public long CreatedAt { get; init; }

    [JsonPropertyName("in_progress_at")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public long? InProgressAt { get; init; }

    [JsonPropertyName("expires_at")]
    public long ExpiresAt { get; init; }

    [JsonPropertyName("finalizing_at")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public long? FinalizingAt { get; init; }

    [JsonPropertyName("completed_at")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public long? CompletedAt { get; init; }

    [JsonPropertyName("failed_at")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public long? FailedAt { get; init; }

    [JsonPropertyName("expired_at")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public long? ExpiredAt { get; init; }

    [JsonPropertyName("cancelling_at")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public long? CancellingAt { get; init; }

    [JsonPropertyName("cancelled_at")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public long? CancelledAt { get; init; }

    [JsonPropertyName("request_counts")]
    public required BatchRequestCounts RequestCounts { get; init; }

    [JsonPropertyName("metadata")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    public static BatchObject From(StoredBatch batch) => new()
    {
        Id = batch.Id,
        Endpoint = batch.Endpoint,
        Errors = batch.Errors,
        InputFileId = batch.InputFileId,
        CompletionWindow = batch.CompletionWindow,
        Status = batch.Status,
        OutputFileId = batch.OutputFileId,
        ErrorFileId = batch.ErrorFileId,
        CreatedAt = batch.CreatedAt.ToUnixTimeSeconds(),
        InProgressAt = batch.InProgressAt?.ToUnixTimeSeconds(),
        ExpiresAt = batch.ExpiresAt.ToUnixTimeSeconds(),
        FinalizingAt = batch.FinalizingAt?.ToUnixTimeSeconds(),
        CompletedAt = batch.CompletedAt?.ToUnixTimeSeconds(),
        FailedAt = batch.FailedAt?.ToUnixTimeSeconds(),
        ExpiredAt = batch.ExpiredAt?.ToUnixTimeSeconds(),
        CancellingAt = batch.CancellingAt?.ToUnixTimeSeconds(),
        CancelledAt = batch.CancelledAt?.ToUnixTimeSeconds(),
        RequestCounts = new BatchRequestCounts(batch.Total, batch.Completed, batch.Failed),
        Metadata = batch.Metadata,
    };
}
