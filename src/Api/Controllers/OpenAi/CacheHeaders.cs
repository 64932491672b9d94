using LlmPlatform.Application.Gateway.Caching;

namespace LlmPlatform.Api.Controllers.OpenAi;

/// <summary>
/// Marks an answer the response cache looked at: <c>x-llmplatform-cache-hit</c> (<c>true</c> or <c>false</c>) and
/// <c>x-llmplatform-cache-key</c> (the key <c>/cache/delete</c> takes). Neither is sent when the cache is off.
/// </summary>
internal static class CacheHeaders
{
    public const string Hit = "x-llmplatform-cache-hit";
    public const string Key = "x-llmplatform-cache-key";

    /// <summary>From the request scope's <see cref="ResponseCacheStatus"/> (endpoints whose handler records it there).</summary>
    public static void Write(HttpContext context)
    {
        if (context.RequestServices.GetService<ResponseCacheStatus>() is { Key: { } key } status)
        {
            Write(context.Response, key, status.Hit);
        }
    }

    public static void Write(HttpResponse response, string? key, bool hit)
    {
        if (key is not null)
        {
            response.Headers[Hit] = hit ? "true" : "false";
            response.Headers[Key] = key;
        }
    }
}
