using System.Text.Json.Serialization;

namespace LlmPlatform.Application.Jobs.Batches;

/// <summary>One problem that failed a batch (OpenAI's <c>errors.data[]</c>), naming the input line when there is one.</summary>
public sealed record BatchError(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("param")] string? Param,
    [property: JsonPropertyName("line")] int? Line);
