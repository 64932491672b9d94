using System.Text.Json;

namespace LlmPlatform.Application.Gateway.Moderations;

/// <summary>The accepted shapes of a moderation <c>input</c>: a string, strings, or content parts.</summary>
public static class ModerationInputs
{
    /// <summary>The texts to classify, or null when the shape is not accepted.</summary>
    public static IReadOnlyList<string>? Texts(JsonElement? input)
    {
        if (input is not { } value)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return [value.GetString() ?? string.Empty];
        }

        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
        {
            return null;
        }

        var texts = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                texts.Add(item.GetString() ?? string.Empty);
            }
            else if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String)
            {
                if (type.GetString() == "text")
                {
                    if (!item.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
                    {
                        return null;
                    }

                    texts.Add(text.GetString() ?? string.Empty);
                }
                else if (type.GetString() != "image_url")
                {
                    return null;
                }
            }
            else
            {
                return null;
            }
        }

        return texts;
    }
}
