using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Operations.Cache.FlushCache;

/// <summary><c>POST /cache/flushall</c>: deletes every entry of this deployment's response cache, and nothing else.</summary>
public sealed record FlushCacheCommand(CallerIdentity Caller) : ICommand<CacheFlushResponse>;
