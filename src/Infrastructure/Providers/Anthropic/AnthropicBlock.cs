using System.Text.Json;

namespace LlmPlatform.Infrastructure.Providers.Anthropic;

/// <summary>A content block: <c>text</c>, <c>image</c>, <c>tool_use</c> or <c>tool_result</c> (the fields of the others stay null).</summary>
internal sealed record AnthropicBlock
{
    public required string Type { get; init; }

    public string? Text { get; init; }

    public AnthropicImageSource? Source { get; init; }

    public string? Id { get; init; }

    public string? Name { get; init; }

    public JsonElement? Input { get; init; }

    public string? ToolUseId { get; init; }

    public string? Content { get; init; }
}
