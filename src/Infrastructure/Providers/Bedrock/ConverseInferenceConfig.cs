namespace LlmPlatform.Infrastructure.Providers.Bedrock;

internal sealed record ConverseInferenceConfig
{
    public int? MaxTokens { get; init; }

    public double? Temperature { get; init; }

    public double? TopP { get; init; }

    public IReadOnlyList<string>? StopSequences { get; init; }
}
