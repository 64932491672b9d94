using LlmPlatform.Application.Common.Authorization;
using LlmPlatform.Application.Gateway.Caching;
using LlmPlatform.Domain.Common;
using MediatR;

namespace LlmPlatform.Application.Operations.Cache.FlushCache;

internal sealed class FlushCacheCommandHandler : IRequestHandler<FlushCacheCommand, Result<CacheFlushResponse>>
{
    private readonly ResponseCache _cache;
    private readonly IResponseCacheStore _store;

    public FlushCacheCommandHandler(ResponseCache cache, IResponseCacheStore store)
    {
        _cache = cache;
        _store = store;
    }

    public async Task<Result<CacheFlushResponse>> Handle(FlushCacheCommand command, CancellationToken cancellationToken)
    {
        if (AdminGuard.MayWrite(command.Caller) is { } forbidden)
        {
            return forbidden;
        }

        if (CacheAvailability.Refusal(_cache) is { } off)
        {
            return off;
        }

        var flushed = await _store.FlushAsync(cancellationToken).ConfigureAwait(false);
        return flushed.IsSuccess ? new CacheFlushResponse("flushed", flushed.Value) : flushed.Error!;
    }
}
