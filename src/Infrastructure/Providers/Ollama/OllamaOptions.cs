namespace LlmPlatform.Infrastructure.Providers.Ollama;

/// <summary>The model options of a request.</summary>
internal sealed record OllamaOptions
{
    public double? Temperature { get; init; }

    public double? TopP { get; init; }

    public int? TopK { get; init; }

    public int? NumPredict { get; init; }

    public IReadOnlyList<string>? Stop { get; init; }

    public long? Seed { get; init; }

    public double? PresencePenalty { get; init; }

    public double? FrequencyPenalty { get; init; }
}
