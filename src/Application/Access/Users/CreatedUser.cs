namespace LlmPlatform.Application.Access.Users;

/// <summary>The answer to <c>/user/new</c>: the user and its first key (shown once), if one was made.</summary>
public sealed record CreatedUser(UserInfo User, string? Key);
