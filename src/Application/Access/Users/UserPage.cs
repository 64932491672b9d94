namespace LlmPlatform.Application.Access.Users;

/// <summary>One page of <c>/user/list</c>.</summary>
public sealed record UserPage(IReadOnlyList<UserInfo> Users, int Total, int Page, int PageSize, int TotalPages);
