using System.Text.Json;
using System.Text.Json.Serialization;

namespace LlmPlatform.Application.Gateway.Contracts;

/// <summary>The body of <c>POST /v1/rerank</c>.</summary>
public sealed record RerankRequest
{
    public string? Model { get; init; }

    public string? Query { get; init; }

    /// <summary>An array of strings or of <c>{"text": ...}</c> objects.</summary>
    public JsonElement? Documents { get; init; }

    public int? TopN { get; init; }

    public bool? ReturnDocuments { get; init; }

    /// <summary>Fields this type does not name. Settable because System.Text.Json cannot fill extension data through an init accessor.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
