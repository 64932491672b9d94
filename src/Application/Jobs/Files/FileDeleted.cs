using System.Text.Json.Serialization;

namespace LlmPlatform.Application.Jobs.Files;

/// <summary>OpenAI's answer to a file delete.</summary>
public sealed record FileDeleted([property: JsonPropertyName("id")] string Id)
{
    [JsonPropertyName("object")]
    public string Object => "file";

    [JsonPropertyName("deleted")]
    public bool Deleted => true;
}
