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

    /// <summary>
    /// The page of the first <paramref name="limit"/> of <paramref name="rows"/>, which were read one past the limit
    /// so that a further row tells there is more.
    /// </summary>
    public static ListPage<T> Of<TRow>(IReadOnlyList<TRow> rows, int limit, Func<TRow, string> id, Func<TRow, T> map)
    {
        var taken = rows.Count > limit ? rows.Take(limit).ToList() : rows;
        return new ListPage<T>
        {
            Data = taken.Select(map).ToList(),
            FirstId = taken.Count > 0 ? id(taken[0]) : null,
            LastId = taken.Count > 0 ? id(taken[^1]) : null,
            HasMore = rows.Count > limit,
        };
    }
}
