using LlmPlatform.Application.Gateway.Caching;
using LlmPlatform.Domain.Common;

namespace LlmPlatform.Application.Operations.Cache;

/// <summary>The answer of the cache endpoints while <c>litellm_settings.cache</c> is off.</summary>
internal static class CacheAvailability
{
    public static Error? Refusal(ResponseCache cache) =>
        cache.Enabled
            ? null
            : new Error(ErrorKind.Unavailable, "cache_not_enabled", "The response cache is off: set litellm_settings.cache to true to turn it on.", null);
}
