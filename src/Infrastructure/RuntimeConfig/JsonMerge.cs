using System.Text.Json;
using System.Text.Json.Nodes;

namespace LlmPlatform.Infrastructure.RuntimeConfig;

/// <summary>Applies a partial update key by key: a value replaces, a null removes (the key falls back to its default).</summary>
internal static class JsonMerge
{
    public static JsonObject Apply(JsonObject target, JsonElement changes)
    {
        var result = (JsonObject)target.DeepClone();
        foreach (var property in changes.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Null)
            {
                result.Remove(property.Name);
            }
            else
            {
                result[property.Name] = JsonNode.Parse(property.Value.GetRawText());
            }
        }

        return result;
    }
}
