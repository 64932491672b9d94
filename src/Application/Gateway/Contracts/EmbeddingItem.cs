using System.Text.Json;

namespace LlmPlatform.Application.Gateway.Contracts;

/// <summary>One vector: a JSON array of floats, or a base64 string of little-endian float32 bytes.</summary>
public sealed record EmbeddingItem
{
    public string Object { get; init; } = "embedding";

    public int Index { get; init; }

    public JsonElement Embedding { get; init; }
}
