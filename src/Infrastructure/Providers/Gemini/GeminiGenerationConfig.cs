using System.Text.Json;

namespace LlmPlatform.Infrastructure.Providers.Gemini;

internal sealed record GeminiGenerationConfig
{
    public double? Temperature { get; init; }

    public double? TopP { get; init; }

    public int? TopK { get; init; }

    public int? MaxOutputTokens { get; init; }

    public IReadOnlyList<string>? StopSequences { get; init; }

    public int? CandidateCount { get; init; }

    public string? ResponseMimeType { get; init; }

    public JsonElement? ResponseSchema { get; init; }

    public long? Seed { get; init; }

    public double? PresencePenalty { get; init; }

    public double? FrequencyPenalty { get; init; }
}
