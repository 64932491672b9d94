using System.Text.Json;
using System.Text.Json.Serialization;

namespace LlmPlatform.Application.Gateway.Contracts;

/// <summary>The body of <c>POST /v1/embeddings</c>; unnamed fields pass through to OpenAI-compatible upstreams.</summary>
public sealed record EmbeddingsRequest
{
    public string? Model { get; init; }

    /// <summary>A string, an array of strings, an array of token ids, or an array of token-id arrays.</summary>
    public JsonElement? Input { get; init; }

    /// <summary><c>float</c> (the default) or <c>base64</c> (little-endian float32 bytes).</summary>
    public string? EncodingFormat { get; init; }

    public int? Dimensions { get; init; }

    public string? User { get; init; }

    /// <summary>Fields this type does not name. Settable because System.Text.Json cannot fill extension data through an init accessor.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    [JsonIgnore]
    public bool WantsBase64 => string.Equals(EncodingFormat, "base64", StringComparison.Ordinal);
}
