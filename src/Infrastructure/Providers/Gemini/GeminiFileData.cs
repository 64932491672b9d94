namespace LlmPlatform.Infrastructure.Providers.Gemini;

internal sealed record GeminiFileData(string? MimeType, string FileUri);
