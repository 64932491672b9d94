namespace LlmPlatform.Api.Controllers.GatewayUser;

/// <summary>The body of <c>POST /v1/users/register</c>; registration is open, so <c>invite_token</c> is accepted and ignored.</summary>
public sealed record RegisterRequest(string? Email, string? Password, string? InviteToken, string? DisplayName);
