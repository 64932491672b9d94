using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Operations.Cache.DeleteCacheKeys;

/// <summary><c>POST /cache/delete</c>: deletes the given keys (as <c>x-llmplatform-cache-key</c> shows them).</summary>
public sealed record DeleteCacheKeysCommand(IReadOnlyList<string>? Keys, CallerIdentity Caller) : ICommand<CacheDeleteResponse>;
