namespace LlmPlatform.Infrastructure.Providers.Gemini;

internal sealed record GeminiBlob(string MimeType, string Data);
