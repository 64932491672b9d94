namespace LlmPlatform.Api.Controllers.GatewayUser;

/// <summary>The body of <c>POST /v1/users/register</c>; <c>invite_token</c> is needed when <c>general_settings.invite_required</c> is on.</summary>
public sealed record RegisterRequest(string? Email, string? Password, string? InviteToken, string? DisplayName);
