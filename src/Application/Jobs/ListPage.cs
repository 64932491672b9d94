using System.Text.Json.Serialization;

namespace LlmPlatform.Application.Jobs;

/// <summary>OpenAI's cursor page: <c>{object: "list", data, first_id, last_id, has_more}</c>.</summary>
public sealed record ListPage<T>
{
    [JsonPropertyName("object")]
    public string Object => "list";

    [JsonPropertyName("data")]
    public required IReadOnlyList<T> Data { get; init; }

    [JsonPropertyName("first_id")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? FirstId { get; init; }

    [JsonPropertyName("last_id")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? LastId { get; init; }

    [JsonPropertyName("has_more")]
    public bool HasMore { get; init; }
}
