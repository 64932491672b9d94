using LlmPlatform.Application.Configuration;
using YamlDotNet.RepresentationModel;

namespace LlmPlatform.Infrastructure.Configuration;

/// <summary>
/// Reads <c>litellm_settings.cache_params</c>: a wrong value stops the start naming the line, LiteLLM keys this
/// gateway does not act on and unknown keys are warnings, as everywhere in the file.
/// </summary>
internal static class CacheParams
{
    /// <summary>LiteLLM's call-type names; the gateway caches the chat and embedding ones.</summary>
    public static readonly IReadOnlySet<string> KnownCallTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "completion", "acompletion", "embedding", "aembedding", "text_completion", "atext_completion",
        "transcription", "atranscription", "rerank", "arerank", "image_generation", "aimage_generation",
        "moderation", "amoderation", "speech", "aspeech", "responses", "aresponses",
    };

    private static readonly HashSet<string> IgnoredKeys = new(StringComparer.Ordinal)
    {
        "host", "port", "password", "username", "redis_startup_nodes", "service_name", "sentinel_nodes", "ssl",
        "default_in_memory_ttl", "default_in_redis_ttl", "mode", "max_connections",
    };

    public static GatewaySettings Read(YamlReader reader, YamlNode node, string path, GatewaySettings settings)
    {
        if (YamlReader.IsNull(node))
        {
            return settings;
        }

        foreach (var (keyNode, value) in reader.Mapping(node, path).Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? string.Empty;
            var keyPath = path + "." + key;
            switch (key)
            {
                case "type":
                    var type = reader.String(value, keyPath);
                    if (type is not null and not "redis" and not "local")
                    {
                        throw reader.Fail(value, keyPath, $"must be redis or local (got '{type}'); other cache types are not supported.");
                    }

                    settings = settings with { CacheType = type };
                    break;
                case "ttl":
                    var ttl = reader.Seconds(value, keyPath, int.MaxValue);
                    if (ttl is { } seconds && seconds <= TimeSpan.Zero)
                    {
                        throw reader.Fail(value, keyPath, "must be a positive number of seconds.");
                    }

                    settings = settings with { CacheTtl = ttl ?? settings.CacheTtl };
                    break;
                case "namespace":
                    settings = settings with { CacheNamespace = reader.String(value, keyPath) is { Length: > 0 } ns ? ns : null };
                    break;
                case "supported_call_types":
                    var callTypes = reader.StringList(value, keyPath);
                    if (callTypes.FirstOrDefault(t => !KnownCallTypes.Contains(t)) is { } unknown)
                    {
                        throw reader.Fail(value, keyPath, $"names an unknown call type '{unknown}' (completion, acompletion, embedding, aembedding, ...).");
                    }

                    settings = settings with { CacheCallTypes = callTypes };
                    break;
                case "max_size_in_memory":
                    settings = settings with { CacheMaxEntries = reader.Int(value, keyPath, min: 1) ?? settings.CacheMaxEntries };
                    break;
                default:
                    reader.Warn(keyNode, IgnoredKeys.Contains(key)
                        ? $"'{keyPath}' is ignored: the cache uses the gateway's Redis (REDIS_URL or general_settings.redis_url)."
                        : $"unknown key '{keyPath}' is ignored.");
                    break;
            }
        }

        return settings;
    }
}
