using System.Text.Json.Serialization;

namespace LlmPlatform.Application.Jobs.Batches;

/// <summary>OpenAI's <c>errors</c> of a batch: <c>{object: "list", data: [...]}</c>.</summary>
public sealed record BatchErrors([property: JsonPropertyName("data")] IReadOnlyList<BatchError> Data)
{
    [JsonPropertyName("object")]
    public string Object => "list";
}
