using System.Text.Json;

namespace LlmPlatform.Infrastructure.Providers.Ollama;

/// <summary>The body of <c>POST /api/chat</c>.</summary>
internal sealed record OllamaRequest
{
    public required string Model { get; init; }

    public required IReadOnlyList<OllamaMessage> Messages { get; init; }

    /// <summary>Ollama streams unless told otherwise, so this is always sent.</summary>
    public bool Stream { get; init; }

    public IReadOnlyList<OllamaTool>? Tools { get; init; }

    /// <summary><c>"json"</c> or a JSON schema.</summary>
    public JsonElement? Format { get; init; }

    public OllamaOptions? Options { get; init; }
}
