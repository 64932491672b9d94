namespace LlmPlatform.Application.Gateway.Contracts;

/// <summary>The answer of <c>POST /v1/embeddings</c> (<c>object: list</c>).</summary>
public sealed record EmbeddingsResponse
{
    public string Object { get; init; } = "list";

    public required IReadOnlyList<EmbeddingItem> Data { get; init; }

    public required string Model { get; init; }

    public EmbeddingsUsage? Usage { get; init; }
}
