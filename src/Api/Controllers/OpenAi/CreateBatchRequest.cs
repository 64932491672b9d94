using System.Text.Json.Serialization;

namespace LlmPlatform.Api.Controllers.OpenAi;

/// <summary>The body of <c>POST /v1/batches</c>.</summary>
public sealed record CreateBatchRequest
{
    [JsonPropertyName("input_file_id")]
    public string? InputFileId { get; init; }

    [JsonPropertyName("endpoint")]
    public string? Endpoint { get; init; }

    [JsonPropertyName("completion_window")]
    public string? CompletionWindow { get; init; }

    [JsonPropertyName("metadata")]
    public Dictionary<string, string>? Metadata { get; init; }
}
