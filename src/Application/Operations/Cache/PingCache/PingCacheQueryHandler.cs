using LlmPlatform.Application.Configuration;
using LlmPlatform.Application.Gateway.Caching;
using LlmPlatform.Domain.Common;
using MediatR;

namespace LlmPlatform.Application.Operations.Cache.PingCache;

internal sealed class PingCacheQueryHandler : IRequestHandler<PingCacheQuery, Result<CachePingResponse>>
{
    private readonly ResponseCache _cache;
    private readonly IResponseCacheStore _store;
    private readonly GatewaySettings _settings;

    public PingCacheQueryHandler(ResponseCache cache, IResponseCacheStore store, PlatformConfiguration configuration)
    {
        _cache = cache;
        _store = store;
        _settings = configuration.Gateway;
    }

    public async Task<Result<CachePingResponse>> Handle(PingCacheQuery query, CancellationToken cancellationToken)
    {
        if (CacheAvailability.Refusal(_cache) is { } off)
        {
            return off;
        }

        var ping = await _store.PingAsync(cancellationToken).ConfigureAwait(false);
        if (!ping.IsSuccess)
        {
            return ping.Error!;
        }

        if (!ping.Value)
        {
            return new Error(ErrorKind.Unavailable, "cache_unhealthy", "The response cache did not return the probe entry it was given.", null);
        }

        return new CachePingResponse
        {
            Status = "healthy",
            CacheType = _store.CacheType,
            PingResponse = true,
            SetCacheResponse = "success",
            HealthCheckCacheParams = new CacheParamsView
            {
                Type = _store.CacheType,
                Ttl = _settings.CacheTtl.TotalSeconds,
                Namespace = _settings.CacheNamespace,
                SupportedCallTypes = _settings.CacheCallTypes.Count > 0 ? _settings.CacheCallTypes : ["completion", "acompletion", "embedding", "aembedding"],
            },
        };
    }
}
