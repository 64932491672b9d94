namespace LlmPlatform.Api.Controllers.Admin.Docs;

/// <summary>The body of <c>/key/delete</c>: keys (or their hashes) and aliases to delete.</summary>
public sealed record KeyDeleteRequest
{
    public IReadOnlyList<string>? Keys { get; init; }

    public IReadOnlyList<string>? KeyAliases { get; init; }
}
