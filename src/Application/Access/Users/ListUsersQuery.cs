using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.Users;

/// <summary><c>GET /user/list</c>.</summary>
public sealed record ListUsersQuery(string? Role, int Page, int PageSize, CallerIdentity Caller) : IQuery<UserPage>;
