using System.Text.Json;

namespace LlmPlatform.Infrastructure.Access;

/// <summary>Converts the jsonb columns of the access tables to and from their dictionaries.</summary>
internal static class JsonColumns
{
    public static string Write<T>(Dictionary<string, T>? value) =>
        value is null || value.Count == 0 ? "{}" : JsonSerializer.Serialize(value);

    public static Dictionary<string, T> Read<T>(string? json)
    {
        if (string.IsNullOrEmpty(json) || json == "{}")
        {
            return [];
        }

        return JsonSerializer.Deserialize<Dictionary<string, T>>(json) ?? [];
    }
}
