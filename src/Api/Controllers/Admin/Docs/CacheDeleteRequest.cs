namespace LlmPlatform.Api.Controllers.Admin.Docs;

/// <summary>The body of <c>/cache/delete</c>: the cache keys to delete, as <c>x-llmplatform-cache-key</c> shows them.</summary>
public sealed record CacheDeleteRequest
{
    public IReadOnlyList<string>? Keys { get; init; }
}
