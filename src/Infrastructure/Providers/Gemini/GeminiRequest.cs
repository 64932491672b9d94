namespace LlmPlatform.Infrastructure.Providers.Gemini;

/// <summary>The body of <c>models/{model}:generateContent</c> and <c>:streamGenerateContent</c>.</summary>
internal sealed record GeminiRequest
{
    public required IReadOnlyList<GeminiContent> Contents { get; init; }

    public GeminiContent? SystemInstruction { get; init; }

    public GeminiGenerationConfig? GenerationConfig { get; init; }

    public IReadOnlyList<GeminiTool>? Tools { get; init; }

    public GeminiToolConfig? ToolConfig { get; init; }
}
