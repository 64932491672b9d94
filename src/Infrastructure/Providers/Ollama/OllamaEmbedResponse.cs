namespace LlmPlatform.Infrastructure.Providers.Ollama;

/// <summary>The answer of Ollama's <c>POST /api/embed</c>.</summary>
internal sealed record OllamaEmbedResponse
{
    public string? Model { get; init; }

    public IReadOnlyList<float[]>? Embeddings { get; init; }

    public long? PromptEvalCount { get; init; }
}
