using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.UserAccounts;

/// <summary><c>GET /v1/users/tokens</c>: the personal tokens of the caller's user.</summary>
public sealed record ListUserTokensQuery(CallerIdentity Caller) : IQuery<TokenList>;
