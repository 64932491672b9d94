namespace LlmPlatform.Api.Controllers.Admin.Docs;

/// <summary>The body of <c>/organization/member/delete</c>.</summary>
public sealed record OrganizationMemberDeleteRequest
{
    public string? OrganizationId { get; init; }

    public string? UserId { get; init; }
}
