using System.Text.Json;
using LlmPlatform.Api.Controllers.Admin.Docs;
using LlmPlatform.Api.Errors;
using LlmPlatform.Api.Hosting;
using LlmPlatform.Application.Operations.Cache.DeleteCacheKeys;
using LlmPlatform.Application.Operations.Cache.FlushCache;
using LlmPlatform.Application.Operations.Cache.GetRedisInfo;
using LlmPlatform.Application.Operations.Cache.PingCache;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace LlmPlatform.Api.Controllers.Admin;

/// <summary>LiteLLM's response-cache endpoints: <c>/cache/ping</c>, <c>/cache/delete</c>, <c>/cache/flushall</c>, <c>/cache/redis/info</c>.</summary>
[Tags("Cache")]
[ProducesResponseType<ErrorEnvelope>(StatusCodes.Status503ServiceUnavailable)]
public sealed class CacheController : AdminController
{
    public CacheController(IMediator mediator)
        : base(mediator)
    {
    }

    [HttpGet("/cache/ping")]
    [ProducesResponseType<CachePingResponse>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Ping(CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new PingCacheQuery(Caller), cancellationToken));

    [HttpPost("/cache/delete")]
    [RequestBodySchema(typeof(CacheDeleteRequest))]
    [ProducesResponseType<CacheDeleteResponse>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Delete([FromBody] JsonElement body, CancellationToken cancellationToken)
    {
        if (!TryStrings(body, "keys", out var keys, out var failure))
        {
            return failure!;
        }

        return ToResult(await Mediator.Send(new DeleteCacheKeysCommand(keys, Caller), cancellationToken));
    }

    [HttpPost("/cache/flushall")]
    [ProducesResponseType<CacheFlushResponse>(StatusCodes.Status200OK)]
    public async Task<IActionResult> FlushAll(CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new FlushCacheCommand(Caller), cancellationToken));

    [HttpGet("/cache/redis/info")]
    [ProducesResponseType<RedisInfoResponse>(StatusCodes.Status200OK)]
    public async Task<IActionResult> RedisInfo(CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new GetRedisInfoQuery(Caller), cancellationToken));
}
