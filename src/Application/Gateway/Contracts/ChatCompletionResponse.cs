namespace LlmPlatform.Application.Gateway.Contracts;

/// <summary>A non-streamed chat completion (<c>object: chat.completion</c>).</summary>
public sealed record ChatCompletionResponse
{
    public required string Id { get; init; }

    public string Object { get; init; } = "chat.completion";

    public long Created { get; init; }

    public required string Model { get; init; }

    public required IReadOnlyList<ChatChoice> Choices { get; init; }

    public Usage? Usage { get; init; }

    public string? SystemFingerprint { get; init; }
}
