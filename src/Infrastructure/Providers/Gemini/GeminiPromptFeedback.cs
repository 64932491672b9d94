namespace LlmPlatform.Infrastructure.Providers.Gemini;

/// <summary>Set when the prompt itself was blocked (no candidates come back).</summary>
internal sealed record GeminiPromptFeedback(string? BlockReason);
