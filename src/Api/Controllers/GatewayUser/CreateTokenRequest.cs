namespace LlmPlatform.Api.Controllers.GatewayUser;

/// <summary>The body of <c>POST /v1/users/tokens</c>; without <c>expires_days</c> the token does not expire.</summary>
public sealed record CreateTokenRequest(string? Name, IReadOnlyList<string>? Scopes, int? ExpiresDays);
