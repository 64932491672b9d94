using System.Text;
using System.Text.Json;

namespace LlmPlatform.Application.Gateway.Contracts;

/// <summary>The text of an OpenAI message's <c>content</c>: a string, or an array of parts, or null.</summary>
public static class MessageText
{
    /// <summary>The string itself, or the text parts (and bare strings) of an array joined; empty otherwise.</summary>
    public static string Of(JsonElement? content)
    {
        if (content is not { } value)
        {
            return string.Empty;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return value.GetString() ?? string.Empty;
            case JsonValueKind.Array:
                var text = new StringBuilder();
                foreach (var part in value.EnumerateArray())
                {
                    if (part.ValueKind == JsonValueKind.Object && part.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String)
                    {
                        text.Append(t.GetString());
                    }
                    else if (part.ValueKind == JsonValueKind.String)
                    {
                        text.Append(part.GetString());
                    }
                }

                return text.ToString();
            default:
                return string.Empty;
        }
    }
}
