namespace LlmPlatform.Api.Controllers.GatewayUser;

/// <summary>The body of <c>POST /v1/users/login</c>.</summary>
public sealed record LoginRequest(string? Email, string? Password);
