using System.Text.Json;

namespace LlmPlatform.Api.Controllers.Admin.Docs;

/// <summary>The answer to <c>/key/list</c>.</summary>
public sealed record KeyListResponse
{
    /// <summary>Key hashes, or whole key objects with <c>return_full_object=true</c>.</summary>
    public required IReadOnlyList<JsonElement> Keys { get; init; }

    public int TotalCount { get; init; }

    public int CurrentPage { get; init; }

    public int TotalPages { get; init; }
}
