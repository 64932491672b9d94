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

    public static void Write(HttpContext context)
    {
        if (context.RequestServices.GetService<ResponseCacheStatus>() is { Key: { } key } status)
        {
            context.Response.Headers[Hit] = status.Hit ? "true" : "false";
            context.Response.Headers[Key] = key;
        }
    }
}
