namespace LlmPlatform.Application.Access.UserAccounts;

/// <summary>The answer of <c>GET /v1/users/provider-keys</c>.</summary>
public sealed record ProviderKeyList(IReadOnlyList<ProviderKeyInfo> Keys);
