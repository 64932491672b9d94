namespace LlmPlatform.Api.Controllers.GatewayUser;

/// <summary>The body of <c>POST /v1/users/provider-keys</c>.</summary>
public sealed record ProviderKeyRequest(string? Provider, string? ApiKey, string? CredentialType);
