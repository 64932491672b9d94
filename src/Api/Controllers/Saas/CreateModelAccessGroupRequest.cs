namespace LlmPlatform.Api.Controllers.Saas;

/// <summary>The body of <c>POST /api/model-access-groups/create</c>.</summary>
public sealed record CreateModelAccessGroupRequest
{
    /// <summary>The group's unique name, e.g. <c>basic-chat</c>. Required.</summary>
    public string? GroupName { get; init; }

    /// <summary>Required.</summary>
    public string? DisplayName { get; init; }

    /// <summary>The aliases (model names) the group grants; each must exist. None when omitted.</summary>
    public List<string>? ModelAliases { get; init; }

    public string? Description { get; init; }
}
