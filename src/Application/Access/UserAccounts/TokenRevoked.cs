namespace LlmPlatform.Application.Access.UserAccounts;

/// <summary>The answer of <c>DELETE /v1/users/tokens/{id}</c>.</summary>
public sealed record TokenRevoked(string Id, bool Revoked);
