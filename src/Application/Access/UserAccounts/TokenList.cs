namespace LlmPlatform.Application.Access.UserAccounts;

/// <summary>The answer of <c>GET /v1/users/tokens</c>: the caller's personal tokens, without their secrets.</summary>
public sealed record TokenList(IReadOnlyList<TokenInfo> Tokens);
