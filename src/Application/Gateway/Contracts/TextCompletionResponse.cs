namespace LlmPlatform.Application.Gateway.Contracts;

/// <summary>A legacy completion (<c>object: text_completion</c>); a streamed chunk has the same shape.</summary>
public sealed record TextCompletionResponse
{
    public required string Id { get; init; }

    public string Object { get; init; } = "text_completion";

    public long Created { get; init; }

    public required string Model { get; init; }

    public required IReadOnlyList<TextChoice> Choices { get; init; }

    public Usage? Usage { get; init; }

    public string? SystemFingerprint { get; init; }
}
