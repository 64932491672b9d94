namespace LlmPlatform.Api.Controllers.GatewayUser;

/// <summary>The (optional) body of <c>POST /v1/models/{id}/unload</c>.</summary>
public sealed record UnloadModelRequest(bool? Force);
