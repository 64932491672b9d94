using LlmPlatform.Application.Gateway.Caching;
using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Domain.Catalog;
using LlmPlatform.Domain.Common;

namespace LlmPlatform.Application.Gateway.Embeddings;

/// <summary>Routes an embeddings call (or answers it from the response cache); usage comes from the upstream or is counted.</summary>
internal sealed class CreateEmbeddingsCommandHandler
    : RoutedCallHandler<CreateEmbeddingsCommand, IEmbeddingsAdapter, EmbeddingsResponse>
{
    private readonly ResponseCache _cache;
    private readonly ResponseCacheStatus _cacheStatus;

    public CreateEmbeddingsCommandHandler(
        RoutedCallServices services,
        IEnumerable<IEmbeddingsAdapter> adapters,
        ResponseCache cache,
        ResponseCacheStatus cacheStatus)
        : base(services, adapters)
    {
        _cache = cache;
        _cacheStatus = cacheStatus;
    }

    protected override string CallType => "embedding";

    protected override string EndpointName => "embeddings";

    protected override ValueTask<Result<EmbeddingsResponse>> CallAsync(
        IEmbeddingsAdapter adapter,
        ModelDeployment deployment,
        CreateEmbeddingsCommand command,
        TimeSpan timeout,
        CancellationToken cancellationToken) =>
        adapter.EmbedAsync(deployment, command.Request, timeout, cancellationToken);

    protected override (long Prompt, long Completion) UsageOf(CreateEmbeddingsCommand command, EmbeddingsResponse response) =>
        (response.Usage?.PromptTokens ?? command.EstimatePromptTokens(Tokens), 0);

    protected override async ValueTask<(EmbeddingsResponse? Hit, string? StoreKey)> LookUpCacheAsync(
        CreateEmbeddingsCommand command,
        CancellationToken cancellationToken)
    {
        if (!_cache.CachesEmbeddings)
        {
            return (null, null);
        }

        var request = command.Request;
        var control = CacheControl.Read(request.AdditionalProperties, out _);
        var key = ResponseCacheKey.ForEmbeddings(request.Model!, request);
        var hit = await _cache.GetAsync(key, control, GatewayJsonContext.Default.EmbeddingsResponse, cancellationToken).ConfigureAwait(false);
        _cacheStatus.Record(key, hit is not null);
        return (hit, control.NoStore ? null : key);
    }

    protected override void StoreInCache(CreateEmbeddingsCommand command, string key, EmbeddingsResponse response) =>
        _cache.Store(key, response, CacheControl.Read(command.Request.AdditionalProperties, out _), GatewayJsonContext.Default.EmbeddingsResponse);
}
