using LlmPlatform.Application.Access.Keys;
using LlmPlatform.Application.Access.Teams;

namespace LlmPlatform.Application.Access.Users;

/// <summary>The answer to <c>/user/info</c>: the user, its keys and its teams.</summary>
public sealed record UserDetails(UserInfo User, IReadOnlyList<KeyInfo> Keys, IReadOnlyList<TeamInfo> Teams);
