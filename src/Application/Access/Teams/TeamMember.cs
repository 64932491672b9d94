namespace LlmPlatform.Application.Access.Teams;

/// <summary>A team member and its role in the team (<c>admin</c> or <c>user</c>).</summary>
public sealed record TeamMember
{
    public string? UserId { get; init; }

    public string? UserEmail { get; init; }

    public string? Role { get; init; }
}
