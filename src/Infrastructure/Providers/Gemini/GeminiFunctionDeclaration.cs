using System.Text.Json;

namespace LlmPlatform.Infrastructure.Providers.Gemini;

internal sealed record GeminiFunctionDeclaration(string Name, string? Description, JsonElement Parameters);
