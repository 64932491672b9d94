namespace LlmPlatform.Api.Controllers.Admin.Docs;

/// <summary>The body of <c>/team/member/delete</c>.</summary>
public sealed record TeamMemberDeleteRequest
{
    public string? TeamId { get; init; }

    public string? UserId { get; init; }
}
