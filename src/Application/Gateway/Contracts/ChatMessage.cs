using System.Text.Json;
using System.Text.Json.Serialization;

namespace LlmPlatform.Application.Gateway.Contracts;

/// <summary>One message of a request. <see cref="Content"/> stays raw JSON: a string, an array of parts, or null.</summary>
public sealed record ChatMessage
{
    public string? Role { get; init; }

    public JsonElement? Content { get; init; }

    public string? Name { get; init; }

    public IReadOnlyList<ToolCall>? ToolCalls { get; init; }

    public string? ToolCallId { get; init; }

    public FunctionCallPayload? FunctionCall { get; init; }

    /// <summary>Fields this type does not name, kept to pass through. Settable because System.Text.Json cannot fill extension data through an init accessor.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
