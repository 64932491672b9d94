using System.Text.Json;

namespace LlmPlatform.Application.Gateway.Messages.Contracts;

/// <summary>A client tool: its name, description and JSON schema (<c>input_schema</c>).</summary>
public sealed record AnthropicTool
{
    /// <summary>Absent or <c>custom</c> for client tools; server tools name a versioned type.</summary>
    public string? Type { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    public JsonElement? InputSchema { get; init; }
}
