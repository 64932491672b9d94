using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.EndUsers;

/// <summary><c>GET /customer/info?end_user_id=</c>.</summary>
public sealed record GetEndUserQuery(string? UserId, CallerIdentity Caller) : IQuery<EndUserInfo>;
