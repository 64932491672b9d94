using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.UserAccounts;

/// <summary><c>POST /v1/users/tokens</c>: a new key of the caller's user, named, with scopes, lasting some days or for good.</summary>
public sealed record CreateUserTokenCommand(string? Name, IReadOnlyList<string>? Scopes, int? ExpiresDays, CallerIdentity Caller) : ICommand<TokenCreated>;
