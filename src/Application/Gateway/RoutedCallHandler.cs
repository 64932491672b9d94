using LlmPlatform.Application.Catalog;
using LlmPlatform.Domain.Catalog;
using LlmPlatform.Domain.Common;
using MediatR;

namespace LlmPlatform.Application.Gateway;

/// <summary>
/// The shape every non-chat, non-streamed endpoint shares: resolve the model to the deployments whose provider
/// has the capability, run the call through the router (retries, cooldowns, fallbacks), publish exactly one
/// usage event, success or failure.
/// </summary>
internal abstract class RoutedCallHandler<TCommand, TAdapter, TResponse> : IRequestHandler<TCommand, Result<TResponse>>
    where TCommand : IRoutedCommand, IRequest<Result<TResponse>>
    where TAdapter : class, IProviderCapability
{
    private readonly IModelCatalog _catalog;
    private readonly IRouter _router;
    private readonly IReadOnlyList<TAdapter> _adapters;
    private readonly IUsageEventSink _usage;
    private readonly TimeProvider _time;

    protected RoutedCallHandler(RoutedCallServices services, IEnumerable<TAdapter> adapters)
    {
        _catalog = services.Catalog;
        _router = services.Router;
        _adapters = adapters.ToList();
        _usage = services.Usage;
        _time = services.Time;
        Tokens = services.Tokens;
    }

    protected ITokenCounter Tokens { get; }

    /// <summary>The usage event's <c>CallType</c>.</summary>
    protected abstract string CallType { get; }

    /// <summary>How the endpoint is named in error messages.</summary>
    protected abstract string EndpointName { get; }

    protected abstract ValueTask<Result<TResponse>> CallAsync(
        TAdapter adapter,
        ModelDeployment deployment,
        TCommand command,
        TimeSpan timeout,
        CancellationToken cancellationToken);

    /// <summary>
    /// The response cache's answer for the request (<c>Hit</c>) and the key to store a fresh answer under (<c>StoreKey</c>);
    /// by default the endpoint is not cached.
    /// </summary>
    protected virtual ValueTask<(TResponse? Hit, string? StoreKey)> LookUpCacheAsync(TCommand command, CancellationToken cancellationToken) =>
        ValueTask.FromResult<(TResponse?, string?)>((default, null));

    /// <summary>Stores a fresh answer under the key <see cref="LookUpCacheAsync"/> gave.</summary>
    protected virtual void StoreInCache(TCommand command, string key, TResponse response)
    {
    }

    /// <summary>Prompt and completion tokens of an answer; by default the counted prompt.</summary>
    protected virtual (long Prompt, long Completion) UsageOf(TCommand command, TResponse response) =>
        (command.EstimatePromptTokens(Tokens), 0);

    public async Task<Result<TResponse>> Handle(TCommand command, CancellationToken cancellationToken)
    {
        var started = _time.GetUtcNow();
        var resolved = ModelResolution.Resolve(
            _catalog,
            command.Caller,
            command.RequestedModel!,
            EndpointName,
            d => Capabilities.Find(_adapters, d.Provider) is not null);
        if (!resolved.IsSuccess)
        {
            Publish(command, null, null, started, 0, 0, resolved.Error, 0);
            return resolved.Error!;
        }

        var group = resolved.Value.Group;
        var (hit, storeKey) = await LookUpCacheAsync(command, cancellationToken).ConfigureAwait(false);
        if (hit is not null)
        {
            var (hitPrompt, hitCompletion) = UsageOf(command, hit);
            Publish(command, UsageRecord.Create(command, CallType, group, null, started, _time.GetUtcNow(), hitPrompt, hitCompletion, null, 0) with { CacheHit = true });
            return hit;
        }

        var routed = await _router.RunAsync(
            group,
            resolved.Value.Deployments,
            (deployment, timeout, ct) => Capabilities.Find(_adapters, deployment.Provider) is { } adapter
                ? CallAsync(adapter, deployment, command, timeout, ct)
                : ValueTask.FromResult(Result<TResponse>.Failure(Unsupported(deployment))),
            cancellationToken).ConfigureAwait(false);
        if (!routed.IsSuccess)
        {
            Publish(command, group, null, started, 0, 0, routed.Error, 0);
            return routed.Error!;
        }

        var answer = routed.Value;
        var (prompt, completion) = UsageOf(command, answer.Value);
        Publish(command, answer.ModelGroup, answer.Deployment, started, prompt, completion, null, answer.Attempts);
        if (storeKey is not null)
        {
            StoreInCache(command, storeKey, answer.Value);
        }

        return answer.Value;
    }

    private Error Unsupported(ModelDeployment deployment) =>
        new(ErrorKind.Upstream, "provider_not_supported", $"The provider '{deployment.Provider}' of deployment '{deployment.Id}' does not support {EndpointName}.", null, 501);

    private void Publish(TCommand command, string? group, ModelDeployment? deployment, DateTimeOffset started, long prompt, long completion, Error? error, int attempts) =>
        Publish(command, UsageRecord.Create(command, CallType, group, deployment, started, _time.GetUtcNow(), prompt, completion, error, attempts));

    private void Publish(TCommand command, UsageEvent usage)
    {
        command.Receipt.Take(usage);
        _usage.Publish(usage);
    }
}
