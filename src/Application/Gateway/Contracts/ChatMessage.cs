using System.Text.Json;
using System.Text.Json.Serialization;

namespace LlmPlatform.Application.Gateway.Contracts;

/// <summary>One message of a request. <see cref="Content"/> stays raw JSON: a string, an array of parts, or null.</summary>
public sealed record ChatMessage
{
    public string? Role { get; set; }

    public JsonElement? Content { get; set; }

    public string? Name { get; set; }

    public IReadOnlyList<ToolCall>? ToolCalls { get; set; }

    public string? ToolCallId { get; set; }

    public FunctionCallPayload? FunctionCall { get; set; }

    /// <summary>Fields this type does not name, kept to pass through.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
