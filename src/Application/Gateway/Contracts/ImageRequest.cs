using System.Text.Json;
using System.Text.Json.Serialization;

namespace LlmPlatform.Application.Gateway.Contracts;

/// <summary>The body of <c>POST /v1/images/generations</c>.</summary>
public sealed record ImageRequest
{
    public string? Model { get; init; }

    public string? Prompt { get; init; }

    public int? N { get; init; }

    public string? Size { get; init; }

    /// <summary><c>url</c> or <c>b64_json</c>.</summary>
    public string? ResponseFormat { get; init; }

    public string? Quality { get; init; }

    public string? Style { get; init; }

    public string? User { get; init; }

    /// <summary>Fields this type does not name. Settable because System.Text.Json cannot fill extension data through an init accessor.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
