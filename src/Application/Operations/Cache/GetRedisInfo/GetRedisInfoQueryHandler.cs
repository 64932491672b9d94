using LlmPlatform.Application.Common.Authorization;
using LlmPlatform.Application.Gateway.Caching;
using LlmPlatform.Domain.Common;
using MediatR;

namespace LlmPlatform.Application.Operations.Cache.GetRedisInfo;

internal sealed class GetRedisInfoQueryHandler : IRequestHandler<GetRedisInfoQuery, Result<RedisInfoResponse>>
{
    private readonly ResponseCache _cache;
    private readonly IResponseCacheStore _store;

    public GetRedisInfoQueryHandler(ResponseCache cache, IResponseCacheStore store)
    {
        _cache = cache;
        _store = store;
    }

    public async Task<Result<RedisInfoResponse>> Handle(GetRedisInfoQuery query, CancellationToken cancellationToken)
    {
        if (AdminGuard.MayWrite(query.Caller) is { } forbidden)
        {
            return forbidden;
        }

        if (CacheAvailability.Refusal(_cache) is { } off)
        {
            return off;
        }

        var info = await _store.RedisInfoAsync(cancellationToken).ConfigureAwait(false);
        return info.IsSuccess ? new RedisInfoResponse(_store.CacheType, info.Value) : info.Error!;
    }
}
