using System.Text.Json;

namespace LlmPlatform.Application.Gateway.Contracts;

/// <summary><c>response_format</c>: <c>text</c>, <c>json_object</c> or <c>json_schema</c>.</summary>
public sealed record ResponseFormat
{
    public string? Type { get; set; }

    public JsonElement? JsonSchema { get; set; }
}
