using LlmPlatform.Application.Access.Organizations;

namespace LlmPlatform.Api.Controllers.Admin.Docs;

/// <summary>The body of <c>/organization/member/add</c>: <c>member</c>, or one member's fields at the top level.</summary>
public sealed record OrganizationMemberAddRequest
{
    public string? OrganizationId { get; init; }

    /// <summary>The members to add; a single member object is accepted too.</summary>
    public IReadOnlyList<OrganizationMember>? Member { get; init; }

    public string? UserId { get; init; }

    public string? UserEmail { get; init; }

    public string? Role { get; init; }
}
