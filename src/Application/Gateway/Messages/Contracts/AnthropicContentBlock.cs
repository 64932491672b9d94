using System.Text.Json;

namespace LlmPlatform.Application.Gateway.Messages.Contracts;

/// <summary>An answer block: <c>{type:"text", text}</c> or <c>{type:"tool_use", id, name, input}</c>.</summary>
public sealed record AnthropicContentBlock
{
    public required string Type { get; init; }

    public string? Text { get; init; }

    public string? Id { get; init; }

    public string? Name { get; init; }

    public JsonElement? Input { get; init; }
}
