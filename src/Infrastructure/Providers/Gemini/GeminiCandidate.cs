namespace LlmPlatform.Infrastructure.Providers.Gemini;

internal sealed record GeminiCandidate
{
    public GeminiContent? Content { get; init; }

    public string? FinishReason { get; init; }

    public int? Index { get; init; }
}
