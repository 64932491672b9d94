namespace LlmPlatform.Api.Controllers.GatewayUser;

/// <summary>The (optional) body of <c>POST /v1/sessions</c> and the body of <c>PUT /v1/sessions/{id}</c>.</summary>
public sealed record SessionRequest(string? Title);
