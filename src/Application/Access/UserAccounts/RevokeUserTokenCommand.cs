using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.UserAccounts;

/// <summary><c>DELETE /v1/users/tokens/{id}</c>: deletes one of the personal tokens of the caller's user.</summary>
public sealed record RevokeUserTokenCommand(string TokenId, CallerIdentity Caller) : ICommand<TokenRevoked>;
