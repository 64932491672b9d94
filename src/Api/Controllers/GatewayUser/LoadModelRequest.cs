namespace LlmPlatform.Api.Controllers.GatewayUser;

/// <summary>The (optional) body of <c>POST /v1/models/{id}/load</c>.</summary>
public sealed record LoadModelRequest(bool? Wait, bool? UseFallback, string? FallbackModelId);
