namespace LlmPlatform.Infrastructure.Providers.Gemini;

/// <summary>A <c>GenerateContentResponse</c>, whole or one streamed piece of it.</summary>
internal sealed record GeminiResponse
{
    public IReadOnlyList<GeminiCandidate>? Candidates { get; init; }

    public GeminiUsageMetadata? UsageMetadata { get; init; }

    public string? ResponseId { get; init; }

    public GeminiPromptFeedback? PromptFeedback { get; init; }
}
