using System.Text.Json;
using System.Text.Json.Serialization;

namespace LlmPlatform.Application.Gateway.Contracts;

/// <summary>The answer of <c>POST /v1/images/generations</c>.</summary>
public sealed record ImageResponse
{
    public long Created { get; init; }

    public required IReadOnlyList<ImageData> Data { get; init; }

    /// <summary>Fields this type does not name (such as <c>usage</c>). Settable for System.Text.Json.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
