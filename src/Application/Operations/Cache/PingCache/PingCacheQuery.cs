using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Operations.Cache.PingCache;

/// <summary><c>GET /cache/ping</c>: whether the response cache can be written and read.</summary>
public sealed record PingCacheQuery(CallerIdentity Caller) : IQuery<CachePingResponse>;
