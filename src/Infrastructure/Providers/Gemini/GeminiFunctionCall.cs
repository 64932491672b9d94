using System.Text.Json;

namespace LlmPlatform.Infrastructure.Providers.Gemini;

internal sealed record GeminiFunctionCall
{
    public string? Id { get; init; }

    public required string Name { get; init; }

    public JsonElement? Args { get; init; }
}
