namespace LlmPlatform.Application.Gateway.Contracts;

/// <summary>One Server-Sent Event of a streamed chat completion (<c>object: chat.completion.chunk</c>).</summary>
public sealed record ChatCompletionChunk
{
    public required string Id { get; init; }

    public string Object { get; init; } = "chat.completion.chunk";

    public long Created { get; init; }

    public required string Model { get; init; }

    public required IReadOnlyList<ChunkChoice> Choices { get; init; }

    public Usage? Usage { get; init; }

    public string? SystemFingerprint { get; init; }
}
