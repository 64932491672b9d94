using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.EndUsers;

/// <summary><c>GET /customer/list</c>.</summary>
public sealed record ListEndUsersQuery(CallerIdentity Caller) : IQuery<IReadOnlyList<EndUserInfo>>;
