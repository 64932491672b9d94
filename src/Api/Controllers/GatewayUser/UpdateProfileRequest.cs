namespace LlmPlatform.Api.Controllers.GatewayUser;

/// <summary>The body of <c>PATCH /v1/users/me</c>.</summary>
public sealed record UpdateProfileRequest(string? DisplayName);
