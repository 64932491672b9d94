namespace LlmPlatform.Infrastructure.Providers.Gemini;

/// <summary>One turn: role <c>user</c> or <c>model</c> (none for the system instruction) and its parts.</summary>
internal sealed record GeminiContent(string? Role, IReadOnlyList<GeminiPart> Parts);
