using System.Text.Json;

namespace LlmPlatform.Application.Gateway.Rerank;

/// <summary>The accepted shapes of <c>documents</c>: strings or <c>{"text": ...}</c> objects.</summary>
public static class RerankDocuments
{
    /// <summary>The documents' texts, or null when the shape is not accepted.</summary>
    public static IReadOnlyList<string>? Texts(JsonElement? documents)
    {
        if (documents is not { ValueKind: JsonValueKind.Array } array || array.GetArrayLength() == 0)
        {
            return null;
        }

        var texts = new List<string>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                texts.Add(item.GetString() ?? string.Empty);
            }
            else if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String)
            {
                texts.Add(text.GetString() ?? string.Empty);
            }
            else
            {
                return null;
            }
        }

        return texts;
    }
}
