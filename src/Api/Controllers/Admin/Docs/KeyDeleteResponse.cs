namespace LlmPlatform.Api.Controllers.Admin.Docs;

/// <summary>The answer to <c>/key/delete</c>.</summary>
public sealed record KeyDeleteResponse
{
    public required IReadOnlyList<string> DeletedKeys { get; init; }
}
