namespace LlmPlatform.Infrastructure.Providers.Gemini;

internal sealed record GeminiTool(IReadOnlyList<GeminiFunctionDeclaration> FunctionDeclarations);
