using System.Text.Json;

namespace LlmPlatform.Infrastructure.Providers.Bedrock;

internal sealed record ConverseToolUse
{
    public string? ToolUseId { get; init; }

    public string? Name { get; init; }

    public JsonElement? Input { get; init; }
}
