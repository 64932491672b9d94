namespace LlmPlatform.Api.Controllers.Admin.Docs;

/// <summary>The answer to <c>/organization/delete</c>.</summary>
public sealed record OrganizationDeleteResponse
{
    public bool Deleted { get; init; }

    public required IReadOnlyList<string> OrganizationIds { get; init; }
}
