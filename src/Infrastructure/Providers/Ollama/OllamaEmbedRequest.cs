using System.Text.Json;

namespace LlmPlatform.Infrastructure.Providers.Ollama;

/// <summary>The body of Ollama's native <c>POST /api/embed</c>.</summary>
internal sealed record OllamaEmbedRequest
{
    public required string Model { get; init; }

    /// <summary>A string or an array of strings.</summary>
    public JsonElement Input { get; init; }

    public int? Dimensions { get; init; }
}
