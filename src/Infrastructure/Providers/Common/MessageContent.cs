using System.Text.Json;
using LlmPlatform.Application.Gateway.Contracts;

namespace LlmPlatform.Infrastructure.Providers.Common;

/// <summary>Reads the parts of an OpenAI message's <c>content</c>: a string, an array of parts, or null.</summary>
internal static class MessageContent
{
    /// <summary>The text of the content: the string itself, or the text parts joined.</summary>
    public static string Text(JsonElement? content) => MessageText.Of(content);

    /// <summary>Each part of the content in order; a plain string is one text part.</summary>
    public static IEnumerable<ContentPart> Parts(JsonElement? content)
    {
        if (content is not { } value)
        {
            yield break;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            yield return new ContentPart(value.GetString() ?? string.Empty, null);
            yield break;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            yield break;
        }

        foreach (var part in value.EnumerateArray())
        {
            if (part.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var type = part.TryGetProperty("type", out var t) ? t.GetString() : null;
            if (type == "text" && part.TryGetProperty("text", out var text))
            {
                yield return new ContentPart(text.GetString() ?? string.Empty, null);
            }
            else if (type == "image_url" && part.TryGetProperty("image_url", out var image))
            {
                var url = image.ValueKind == JsonValueKind.String ? image.GetString()
                    : image.TryGetProperty("url", out var u) ? u.GetString() : null;
                if (!string.IsNullOrEmpty(url))
                {
                    yield return new ContentPart(null, url);
                }
            }
        }
    }

    /// <summary>OpenAI's <c>stop</c>: a string or an array of strings.</summary>
    public static List<string>? StopSequences(JsonElement? stop)
    {
        if (stop is not { } value)
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => [value.GetString()!],
            JsonValueKind.Array => value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList(),
            _ => null,
        };
    }

    /// <summary>Splits a <c>data:{media type};base64,{data}</c> URL.</summary>
    public static bool TryParseDataUrl(string url, out string mediaType, out string data)
    {
        mediaType = string.Empty;
        data = string.Empty;
        if (!url.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var comma = url.IndexOf(',', StringComparison.Ordinal);
        var marker = url.IndexOf(";base64", StringComparison.OrdinalIgnoreCase);
        if (comma < 0 || marker < 0 || marker > comma)
        {
            return false;
        }

        mediaType = url[5..marker];
        data = url[(comma + 1)..];
        return mediaType.Length > 0;
    }

    /// <summary>Parses a tool call's arguments text into a JSON object; empty text is an empty object.</summary>
    public static bool TryParseArguments(string? arguments, out JsonElement value)
    {
        if (string.IsNullOrWhiteSpace(arguments))
        {
            value = EmptyObject;
            return true;
        }

        try
        {
            using var document = JsonDocument.Parse(arguments);
            value = document.RootElement.Clone();
            return value.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            value = default;
            return false;
        }
    }

    public static JsonElement EmptyObject { get; } = JsonDocument.Parse("{}").RootElement.Clone();
}
