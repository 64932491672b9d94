namespace LlmPlatform.Application.Access.UserAccounts;

/// <summary>The answer of <c>POST /v1/users/tokens</c>: the only time the token itself is shown.</summary>
public sealed record TokenCreated(string Token, TokenInfo Info);
