namespace LlmPlatform.Api.Controllers.Admin.Docs;

/// <summary>The answer to <c>/model_access_group/delete</c>.</summary>
public sealed record AccessGroupDeleteResponse
{
    public bool Deleted { get; init; }

    public required string AccessGroup { get; init; }
}
