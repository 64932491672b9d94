namespace LlmPlatform.Api.Controllers.Admin.Docs;

/// <summary>The answer to <c>/user/delete</c>.</summary>
public sealed record UserDeleteResponse
{
    public required IReadOnlyList<string> DeletedUsers { get; init; }
}
