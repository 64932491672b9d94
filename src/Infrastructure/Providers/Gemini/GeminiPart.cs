namespace LlmPlatform.Infrastructure.Providers.Gemini;

/// <summary>One part; exactly one of its fields is set.</summary>
internal sealed record GeminiPart
{
    public string? Text { get; init; }

    public GeminiBlob? InlineData { get; init; }

    public GeminiFileData? FileData { get; init; }

    public GeminiFunctionCall? FunctionCall { get; init; }

    public GeminiFunctionResponse? FunctionResponse { get; init; }

    /// <summary>Set on the model's reasoning parts, which are not part of the answer.</summary>
    public bool? Thought { get; init; }
}
