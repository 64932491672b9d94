namespace LlmPlatform.Application.Access.UserAccounts;

/// <summary>The answer of <c>DELETE /v1/users/provider-keys/{provider}</c>.</summary>
public sealed record ProviderKeyDeleted(string Provider, bool Deleted);
