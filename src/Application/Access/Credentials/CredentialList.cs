namespace LlmPlatform.Application.Access.Credentials;

/// <summary><c>GET /credentials/list</c>: <c>{"credentials": [...]}</c>.</summary>
public sealed record CredentialList(IReadOnlyList<CredentialView> Credentials);
