using System.Text.Json.Serialization;

namespace LlmPlatform.Application.Jobs.Batches;

/// <summary>OpenAI's <c>request_counts</c>.</summary>
public sealed record BatchRequestCounts(
    [property: JsonPropertyName("total")] int Total,
    [property: JsonPropertyName("completed")] int Completed,
    [property: JsonPropertyName("failed")] int Failed);
