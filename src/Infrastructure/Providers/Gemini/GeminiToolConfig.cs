namespace LlmPlatform.Infrastructure.Providers.Gemini;

internal sealed record GeminiToolConfig(GeminiFunctionCallingConfig FunctionCallingConfig);
