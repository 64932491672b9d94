namespace LlmPlatform.Api.Controllers.Admin.Docs;

/// <summary>The body of <c>/model_access_group/new</c> and <c>/model_access_group/update</c>; the first of <c>access_group</c>, <c>name</c>, <c>group_id</c> names the group.</summary>
public sealed record AccessGroupRequest
{
    public string? AccessGroup { get; init; }

    public string? Name { get; init; }

    public string? GroupId { get; init; }

    public IReadOnlyList<string>? Models { get; init; }
}
