using System.Text.Json;

namespace LlmPlatform.Application.Gateway.Caching;

/// <summary>
/// The request's own say over the response cache, LiteLLM's top-level <c>cache</c> object:
/// <c>no-cache</c> (do not read), <c>no-store</c> (do not write), <c>ttl</c> (keep this answer N seconds) and
/// <c>s-maxage</c> (accept only an answer stored at most N seconds ago).
/// </summary>
internal readonly record struct CacheControl(bool NoCache, bool NoStore, TimeSpan? Ttl, TimeSpan? MaxAge)
{
    /// <summary>The request field that carries it; the gateway consumes it, it never goes upstream.</summary>
    public const string Field = "cache";

    private static readonly TimeSpan Longest = TimeSpan.FromDays(365);

    /// <summary>Reads the <c>cache</c> field among a request's unnamed fields; the error says what is wrong with it.</summary>
    public static CacheControl Read(IDictionary<string, JsonElement>? fields, out string? error)
    {
        error = null;
        if (fields is null || !fields.TryGetValue(Field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return default;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            error = "'cache' must be an object such as {\"no-cache\": true, \"no-store\": true, \"ttl\": 600, \"s-maxage\": 60}.";
            return default;
        }

        var control = default(CacheControl);
        foreach (var property in value.EnumerateObject())
        {
            switch (property.Name)
            {
                case "no-cache":
                    control = control with { NoCache = Flag(property, ref error) };
                    break;
                case "no-store":
                    control = control with { NoStore = Flag(property, ref error) };
                    break;
                case "ttl":
                    control = control with { Ttl = Seconds(property, allowZero: false, ref error) };
                    break;
                case "s-maxage":
                    control = control with { MaxAge = Seconds(property, allowZero: true, ref error) };
                    break;
                default:
                    error = $"'cache.{property.Name}' is not a cache control; use no-cache, no-store, ttl or s-maxage.";
                    break;
            }

            if (error is not null)
            {
                return default;
            }
        }

        return control;
    }

    private static bool Flag(JsonProperty property, ref string? error)
    {
        if (property.Value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return property.Value.GetBoolean();
        }

        error = $"'cache.{property.Name}' must be true or false.";
        return false;
    }

    private static TimeSpan? Seconds(JsonProperty property, bool allowZero, ref string? error)
    {
        if (property.Value.ValueKind == JsonValueKind.Number
            && property.Value.TryGetDouble(out var seconds)
            && (allowZero ? seconds >= 0 : seconds > 0)
            && seconds <= Longest.TotalSeconds)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        error = allowZero
            ? $"'cache.{property.Name}' must be a number of seconds from 0 to {Longest.TotalSeconds:0}."
            : $"'cache.{property.Name}' must be a positive number of seconds, at most {Longest.TotalSeconds:0}.";
        return null;
    }
}
