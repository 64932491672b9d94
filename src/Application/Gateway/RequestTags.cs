using System.Text.Json;

namespace LlmPlatform.Application.Gateway;

/// <summary>
/// The tags a request carries for spend reports, as LiteLLM reads them: the strings of <c>metadata.tags</c>
/// (distinct, at most <see cref="MaxTags"/> of at most <see cref="MaxLength"/> characters); anything else is ignored.
/// </summary>
internal static class RequestTags
{
    public const int MaxTags = 32;

    public const int MaxLength = 256;

    public static IReadOnlyList<string>? From(JsonElement? metadata)
    {
        if (metadata is not { ValueKind: JsonValueKind.Object } value
            || !value.TryGetProperty("tags", out var tags)
            || tags.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var list = tags.EnumerateArray()
            .Where(t => t.ValueKind == JsonValueKind.String)
            .Select(t => t.GetString()!)
            .Where(t => t.Length is > 0 and <= MaxLength)
            .Distinct(StringComparer.Ordinal)
            .Take(MaxTags)
            .ToList();
        return list.Count == 0 ? null : list;
    }
}
