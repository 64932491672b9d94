using LlmPlatform.Application.Access.Teams;

namespace LlmPlatform.Api.Controllers.Admin.Docs;

/// <summary>The body of <c>/team/member/add</c>.</summary>
public sealed record TeamMemberAddRequest
{
    public string? TeamId { get; init; }

    /// <summary>The members to add; a single member object is accepted too.</summary>
    public IReadOnlyList<TeamMember>? Member { get; init; }
}
