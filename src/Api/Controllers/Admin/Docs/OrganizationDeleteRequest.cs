namespace LlmPlatform.Api.Controllers.Admin.Docs;

/// <summary>The body of <c>/organization/delete</c>: the ids, or one id.</summary>
public sealed record OrganizationDeleteRequest
{
    public IReadOnlyList<string>? OrganizationIds { get; init; }

    public string? OrganizationId { get; init; }
}
