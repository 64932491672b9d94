using System.Text.Json;

namespace LlmPlatform.Infrastructure.Providers.Gemini;

internal sealed record GeminiFunctionResponse
{
    public string? Id { get; init; }

    public required string Name { get; init; }

    public JsonElement Response { get; init; }
}
