using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Operations.Cache.GetRedisInfo;

/// <summary><c>GET /cache/redis/info</c>: Redis <c>INFO</c> of the cache's Redis, by section.</summary>
public sealed record GetRedisInfoQuery(CallerIdentity Caller) : IQuery<RedisInfoResponse>;
