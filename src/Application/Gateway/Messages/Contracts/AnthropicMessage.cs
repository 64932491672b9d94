using System.Text.Json;

namespace LlmPlatform.Application.Gateway.Messages.Contracts;

/// <summary>One turn: <c>user</c> or <c>assistant</c>, with a string or an array of content blocks.</summary>
public sealed record AnthropicMessage
{
    public string? Role { get; init; }

    public JsonElement? Content { get; init; }
}
