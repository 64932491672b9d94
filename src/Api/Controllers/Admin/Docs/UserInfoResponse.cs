using LlmPlatform.Application.Access.Keys;
using LlmPlatform.Application.Access.Teams;
using LlmPlatform.Application.Access.Users;

namespace LlmPlatform.Api.Controllers.Admin.Docs;

/// <summary>The answer to <c>/user/info</c>.</summary>
public sealed record UserInfoResponse
{
    public required string UserId { get; init; }

    public required UserInfo UserInfo { get; init; }

    public required IReadOnlyList<KeyInfo> Keys { get; init; }

    public required IReadOnlyList<TeamInfo> Teams { get; init; }
}
