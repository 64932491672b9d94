using System.Globalization;
using System.Text.Json;

namespace LlmPlatform.Application.Gateway;

/// <summary>The accepted shapes of an embeddings <c>input</c> or a completions <c>prompt</c>: a string, strings, token ids, or arrays of token ids.</summary>
public static class TextInputs
{
    public static bool IsValid(JsonElement? input)
    {
        if (input is not { } value)
        {
            return false;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return true;
        }

        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
        {
            return false;
        }

        var first = value[0].ValueKind;
        foreach (var item in value.EnumerateArray())
        {
            var ok = item.ValueKind == first && item.ValueKind switch
            {
                JsonValueKind.String => true,
                JsonValueKind.Number => item.TryGetInt32(out _),
                JsonValueKind.Array => item.GetArrayLength() > 0 && item.EnumerateArray().All(t => t.ValueKind == JsonValueKind.Number && t.TryGetInt32(out _)),
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when every input is text (some upstreams accept no token ids).</summary>
    public static bool IsText(JsonElement input) =>
        input.ValueKind == JsonValueKind.String
        || (input.ValueKind == JsonValueKind.Array && input.EnumerateArray().All(i => i.ValueKind == JsonValueKind.String));

    /// <summary>Each input as text; token-id inputs become their ids joined by spaces.</summary>
    public static IReadOnlyList<string> Texts(JsonElement input)
    {
        if (input.ValueKind == JsonValueKind.String)
        {
            return [input.GetString() ?? string.Empty];
        }

        if (input.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        if (input.GetArrayLength() > 0 && input[0].ValueKind == JsonValueKind.Number)
        {
            return [Join(input)];
        }

        return input.EnumerateArray()
            .Select(i => i.ValueKind == JsonValueKind.String ? i.GetString() ?? string.Empty : Join(i))
            .ToList();
    }

    public static int CountTokens(JsonElement? input, ITokenCounter counter)
    {
        if (input is not { } value || !IsValid(value))
        {
            return 0;
        }

        if (value.ValueKind == JsonValueKind.Array && value[0].ValueKind == JsonValueKind.Number)
        {
            return value.GetArrayLength();
        }

        if (value.ValueKind == JsonValueKind.Array && value[0].ValueKind == JsonValueKind.Array)
        {
            return value.EnumerateArray().Sum(i => i.GetArrayLength());
        }

        return Texts(value).Sum(counter.CountText);
    }

    private static string Join(JsonElement ids) =>
        string.Join(' ', ids.EnumerateArray().Select(t => t.GetInt32().ToString(CultureInfo.InvariantCulture)));
}
