namespace LlmPlatform.Application.Access.Organizations;

/// <summary>An organization member and its role there (<c>org_admin</c>, <c>internal_user</c>, ...).</summary>
public sealed record OrganizationMember
{
    public string? UserId { get; init; }

    public string? UserEmail { get; init; }

    public string? Role { get; init; }
}
