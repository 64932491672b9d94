using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.Users;

/// <summary><c>GET /user/info?user_id=</c> (the caller itself when no id is given).</summary>
public sealed record GetUserInfoQuery(string? UserId, CallerIdentity Caller) : IQuery<UserDetails>;
