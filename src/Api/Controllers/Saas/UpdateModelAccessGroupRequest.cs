namespace LlmPlatform.Api.Controllers.Saas;

/// <summary>The body of <c>PUT /api/model-access-groups/{group_name}</c>: only the fields given change.</summary>
public sealed record UpdateModelAccessGroupRequest
{
    public string? DisplayName { get; init; }

    public string? Description { get; init; }

    /// <summary><c>active</c> or <c>inactive</c>.</summary>
    public string? Status { get; init; }

    /// <summary>When given, replaces the group's aliases; each must exist.</summary>
    public List<string>? ModelAliases { get; init; }
}
