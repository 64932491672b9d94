using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.UserAccounts;

/// <summary><c>DELETE /v1/users/provider-keys/{provider}</c>: deletes the caller's user's key for a provider.</summary>
public sealed record DeleteProviderKeyCommand(string Provider, CallerIdentity Caller) : ICommand<ProviderKeyDeleted>;
