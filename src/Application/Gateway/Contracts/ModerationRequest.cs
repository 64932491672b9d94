using System.Text.Json;
using System.Text.Json.Serialization;

namespace LlmPlatform.Application.Gateway.Contracts;

/// <summary>The body of <c>POST /v1/moderations</c>.</summary>
public sealed record ModerationRequest
{
    public string? Model { get; init; }

    /// <summary>A string, an array of strings, or an array of content parts (<c>{type:"text",text}</c>).</summary>
    public JsonElement? Input { get; init; }

    /// <summary>Fields this type does not name. Settable because System.Text.Json cannot fill extension data through an init accessor.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
