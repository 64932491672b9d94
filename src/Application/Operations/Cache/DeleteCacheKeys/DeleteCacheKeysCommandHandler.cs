using LlmPlatform.Application.Common.Authorization;
using LlmPlatform.Application.Gateway.Caching;
using LlmPlatform.Domain.Common;
using MediatR;

namespace LlmPlatform.Application.Operations.Cache.DeleteCacheKeys;

internal sealed class DeleteCacheKeysCommandHandler : IRequestHandler<DeleteCacheKeysCommand, Result<CacheDeleteResponse>>
{
    private readonly ResponseCache _cache;
    private readonly IResponseCacheStore _store;

    public DeleteCacheKeysCommandHandler(ResponseCache cache, IResponseCacheStore store)
    {
        _cache = cache;
        _store = store;
    }

    public async Task<Result<CacheDeleteResponse>> Handle(DeleteCacheKeysCommand command, CancellationToken cancellationToken)
    {
        if (AdminGuard.MayWrite(command.Caller) is { } forbidden)
        {
            return forbidden;
        }

        if (CacheAvailability.Refusal(_cache) is { } off)
        {
            return off;
        }

        var deleted = await _store.DeleteAsync(command.Keys!.Distinct(StringComparer.Ordinal).ToList(), cancellationToken).ConfigureAwait(false);
        return deleted.IsSuccess ? new CacheDeleteResponse("success", deleted.Value) : deleted.Error!;
    }
}
