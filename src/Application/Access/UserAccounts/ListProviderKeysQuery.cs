using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.UserAccounts;

/// <summary><c>GET /v1/users/provider-keys</c>: the caller's user's provider keys, masked.</summary>
public sealed record ListProviderKeysQuery(CallerIdentity Caller) : IQuery<ProviderKeyList>;
