using System.Collections.Concurrent;
using System.Diagnostics;
using LlmPlatform.Application.Catalog;
using LlmPlatform.Application.Gateway;
using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Domain.Catalog;
using LlmPlatform.Domain.Common;
using LlmPlatform.Infrastructure.Providers.Common;
using LlmPlatform.Infrastructure.Telemetry;
using Polly;
using Polly.Retry;

namespace LlmPlatform.Infrastructure.Gateway.Routing;

/// <summary>
/// Runs a call on a model group: picks a deployment by strategy, retries retryable failures with jittered
/// exponential backoff (honouring Retry-After) on the healthiest deployments, cools down failing ones, then
/// walks the fallback groups. Non-retryable upstream answers (400, 401, 403, 404, 422) return at once.
/// </summary>
internal sealed class Router : IRouter
{
    private static readonly ResiliencePropertyKey<AttemptState> StateKey = new("llmplatform.attempt");
    private static readonly TimeSpan MaxHonouredRetryAfter = TimeSpan.FromSeconds(30);

    private readonly GatewayTelemetry _telemetry;
    private readonly ProviderRegistry _providers;
    private readonly IModelCatalog _catalog;
    private readonly RouterOptions _options;
    private readonly TimeProvider _time;
    private readonly DeploymentStates _states = new();
    private readonly Random _random = Random.Shared;
    private readonly Func<ModelDeployment, DeploymentState> _stateOf;
    private readonly ConcurrentDictionary<Type, (int Retries, object Pipeline)> _otherPipelines = new();
    private (int Retries, ResiliencePipeline<Result<ChatCompletionResponse>> Chat, ResiliencePipeline<Result<StartedStream>> Stream)? _pipelines;

    public Router(ProviderRegistry providers, IModelCatalog catalog, RouterOptions options, TimeProvider time, GatewayTelemetry telemetry)
    {
        _telemetry = telemetry;
        _providers = providers;
        _catalog = catalog;
        _options = options;
        _time = time;
        _stateOf = StateOf;
    }

    public DeploymentState StateOf(ModelDeployment deployment) => _states.Of(deployment);

    /// <summary>The deployments not cooling down; the list itself (no copy) when that is all of them, as it mostly is.</summary>
    private IReadOnlyList<ModelDeployment> Open(IReadOnlyList<ModelDeployment> deployments, DateTimeOffset now)
    {
        _states.SweepIfDue(now);
        List<ModelDeployment>? open = null;
        for (var i = 0; i < deployments.Count; i++)
        {
            var cooling = StateOf(deployments[i]).IsCoolingDown(now);
            if (cooling && open is null)
            {
                open = new List<ModelDeployment>(deployments.Count);
                for (var j = 0; j < i; j++)
                {
                    open.Add(deployments[j]);
                }
            }
            else if (!cooling)
            {
                open?.Add(deployments[i]);
            }
        }

        return open ?? deployments;
    }

    public ValueTask<Result<Routed<ChatCompletionResponse>>> ChatAsync(
        string modelGroup,
        IReadOnlyList<ModelDeployment> deployments,
        ChatCompletionRequest request,
        CancellationToken cancellationToken) =>
        RunWithFallbacksAsync(modelGroup, deployments, request, Pipelines().Chat, ChatAttemptAsync, cancellationToken);

    public ValueTask<Result<Routed<StartedStream>>> StreamAsync(
        string modelGroup,
        IReadOnlyList<ModelDeployment> deployments,
        ChatCompletionRequest request,
        CancellationToken cancellationToken) =>
        RunWithFallbacksAsync(modelGroup, deployments, request, Pipelines().Stream, StreamAttemptAsync, cancellationToken);

    public ValueTask<Result<Routed<T>>> RunAsync<T>(
        string modelGroup,
        IReadOnlyList<ModelDeployment> deployments,
        Func<ModelDeployment, TimeSpan, CancellationToken, ValueTask<Result<T>>> attempt,
        CancellationToken cancellationToken) =>
        RunWithFallbacksAsync(
            modelGroup,
            deployments,
            (Router: this, Attempt: attempt),
            PipelineFor<T>(),
            static (deployment, state, ct) => state.Attempt(deployment, state.Router.TimeoutFor(deployment, stream: false), ct),
            cancellationToken);

    private async ValueTask<Result<Routed<T>>> RunWithFallbacksAsync<T, TRequest>(
        string modelGroup,
        IReadOnlyList<ModelDeployment> deployments,
        TRequest request,
        ResiliencePipeline<Result<T>> pipeline,
        Func<ModelDeployment, TRequest, CancellationToken, ValueTask<Result<T>>> attempt,
        CancellationToken cancellationToken)
    {
        var settings = _options.Settings;
        var totalAttempts = 0;
        var result = await RunGroupAsync(modelGroup, deployments, request, pipeline, attempt, cancellationToken).ConfigureAwait(false);
        totalAttempts += result.Attempts;
        if (result.Outcome.IsSuccess || !ShouldFallBack(result.Outcome.Error!))
        {
            return Wrap(result, modelGroup, totalAttempts);
        }

        var fallbacks = FallbacksFor(modelGroup, result.Outcome.Error!, settings);
        foreach (var fallback in fallbacks)
        {
            if (!_catalog.TryResolve(fallback, out var fallbackGroup, out var fallbackDeployments) || fallbackGroup == modelGroup)
            {
                continue;
            }

            var next = await RunGroupAsync(fallbackGroup, fallbackDeployments, request, pipeline, attempt, cancellationToken).ConfigureAwait(false);
            totalAttempts += next.Attempts;
            if (next.Outcome.IsSuccess)
            {
                return Wrap(next, fallbackGroup, totalAttempts);
            }

            result = next;
        }

        return Wrap(result, modelGroup, totalAttempts);
    }

    private static Result<Routed<T>> Wrap<T>(GroupResult<T> result, string group, int attempts) =>
        result.Outcome.IsSuccess
            ? new Routed<T>(result.Outcome.Value, result.Deployment!, attempts, group)
            : Result<Routed<T>>.Failure(result.Outcome.Error!);

    private static bool ShouldFallBack(Error error) =>
        UpstreamErrors.IsRetryable(error)
        || error.Kind == ErrorKind.Unavailable
        || error.Code is "context_length_exceeded" or "content_policy_violation" or "content_filter";

    private static IEnumerable<string> FallbacksFor(string group, Error error, Application.Configuration.RouterSettings settings)
    {
        IReadOnlyList<string>? list = null;
        if (error.Code == "context_length_exceeded")
        {
            settings.ContextWindowFallbacks.TryGetValue(group, out list);
        }
        else if (error.Code is "content_policy_violation" or "content_filter")
        {
            settings.ContentPolicyFallbacks.TryGetValue(group, out list);
        }

        if (list is null && !settings.Fallbacks.TryGetValue(group, out list))
        {
            settings.Fallbacks.TryGetValue("*", out list);
        }

        return list ?? [];
    }

    private async ValueTask<GroupResult<T>> RunGroupAsync<T, TRequest>(
        string modelGroup,
        IReadOnlyList<ModelDeployment> deployments,
        TRequest request,
        ResiliencePipeline<Result<T>> pipeline,
        Func<ModelDeployment, TRequest, CancellationToken, ValueTask<Result<T>>> attempt,
        CancellationToken cancellationToken)
    {
        var state = new AttemptState(deployments);
        if (ReferenceEquals(pipeline, ResiliencePipeline<Result<T>>.Empty))
        {
            // No retries: one attempt, without Polly's context and callback plumbing.
            var once = await AttemptAsync(state, request, attempt, cancellationToken).ConfigureAwait(false);
            return new GroupResult<T>(once, state.Last, state.Attempts);
        }

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(StateKey, state);
        try
        {
            var outcome = await pipeline.ExecuteAsync(
                static (ctx, args) => args.Router.AttemptAsync(ctx.Properties.GetValue(StateKey, null!), args.Request, args.Attempt, ctx.CancellationToken),
                context,
                (Router: this, Request: request, Attempt: attempt)).ConfigureAwait(false);
            return new GroupResult<T>(outcome, state.Last, state.Attempts);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>One attempt of a group: picks an open deployment not tried yet (any open one when all were) and calls it.</summary>
    private ValueTask<Result<T>> AttemptAsync<T, TRequest>(
        AttemptState state,
        TRequest request,
        Func<ModelDeployment, TRequest, CancellationToken, ValueTask<Result<T>>> attempt,
        CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var open = Open(state.Deployments, now);
        if (open.Count == 0)
        {
            state.AllCoolingDown = true;
            return ValueTask.FromResult(Result<T>.Failure(new Error(
                ErrorKind.Unavailable,
                "no_deployments_available",
                "Every deployment of this model is cooling down after failures; try again shortly.")));
        }

        var untried = state.Untried(open);
        var deployment = DeploymentSelector.Pick(_options.Settings.RoutingStrategy, untried.Count > 0 ? untried : open, _stateOf, now, _random);
        state.MarkTried(deployment);
        state.Attempts++;
        state.Last = deployment;
        return TrackAsync(deployment, state.Deployments.Count, request, attempt, cancellationToken);
    }

    private async ValueTask<Result<T>> TrackAsync<T, TRequest>(
        ModelDeployment deployment,
        int groupSize,
        TRequest request,
        Func<ModelDeployment, TRequest, CancellationToken, ValueTask<Result<T>>> attempt,
        CancellationToken cancellationToken)
    {
        var state = StateOf(deployment);
        var started = Stopwatch.GetTimestamp();
        using var span = _telemetry.StartAttempt(deployment);
        state.Started(_time.GetUtcNow());
        Result<T> result;
        try
        {
            result = await attempt(deployment, request, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            state.Failed(_time.GetUtcNow(), int.MaxValue, TimeSpan.Zero, coolNow: false);
            span?.SetStatus(ActivityStatusCode.Error, "exception");
            throw;
        }

        if (result.IsSuccess)
        {
            var usage = result.Value is ChatCompletionResponse { Usage: { } u } ? u : null;
            state.Succeeded(_time.GetUtcNow(), Stopwatch.GetElapsedTime(started), usage?.TotalTokens ?? 0);
            if (span is not null && usage is not null)
            {
                span.SetTag("gen_ai.usage.input_tokens", usage.PromptTokens);
                span.SetTag("gen_ai.usage.output_tokens", usage.CompletionTokens);
                span.SetTag("gen_ai.response.model", ((ChatCompletionResponse)(object)result.Value!).Model);
            }
        }
        else
        {
            span?.SetStatus(ActivityStatusCode.Error, result.Error!.Code);
            span?.SetTag("error.type", result.Error!.Code);
            if (UpstreamErrors.IsRetryable(result.Error!))
            {
                var settings = _options.Settings;
                var coolNow = groupSize > 1 && result.Error!.StatusOverride == 429;
                if (state.Failed(_time.GetUtcNow(), settings.AllowedFails, settings.CooldownTime, coolNow))
                {
                    _telemetry.CooledDown(deployment);
                }
            }
            else
            {
                state.Succeeded(_time.GetUtcNow(), Stopwatch.GetElapsedTime(started), 0);
            }
        }

        return result;
    }

    private ProviderCall CallFor(ModelDeployment deployment, ChatCompletionRequest request, bool stream) =>
        new(deployment, request, _options.DropParams, TimeoutFor(deployment, stream));

    private TimeSpan TimeoutFor(ModelDeployment deployment, bool stream) =>
        stream
            ? deployment.Settings.StreamTimeout ?? _options.Settings.StreamTimeout ?? deployment.Settings.Timeout ?? _options.RequestTimeout
            : deployment.Settings.Timeout ?? _options.RequestTimeout;

    private async ValueTask<Result<ChatCompletionResponse>> ChatAttemptAsync(ModelDeployment deployment, ChatCompletionRequest request, CancellationToken cancellationToken)
    {
        var adapter = _providers.Find(deployment.Provider);
        if (adapter is null)
        {
            return NoAdapter(deployment);
        }

        return await adapter.ChatAsync(CallFor(deployment, request, stream: false), cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<Result<StartedStream>> StreamAttemptAsync(ModelDeployment deployment, ChatCompletionRequest request, CancellationToken cancellationToken)
    {
        var adapter = _providers.Find(deployment.Provider);
        if (adapter is null)
        {
            return NoAdapter(deployment);
        }

        var call = CallFor(deployment, request, stream: true);
        var started = await adapter.StreamChatAsync(call, cancellationToken).ConfigureAwait(false);
        if (!started.IsSuccess)
        {
            return started.Error!;
        }

        var stream = started.Value;
        var first = await FirstChunk.ReadAsync(stream, stream.ReadAsync, call.Timeout, () => UpstreamErrors.TimedOut(deployment.Provider, call.Timeout), cancellationToken).ConfigureAwait(false);
        if (!first.IsSuccess)
        {
            return first.Error!;
        }

        return new StartedStream(stream, first.Value, _time.GetUtcNow());
    }

    private static Error NoAdapter(ModelDeployment deployment) =>
        new(ErrorKind.Upstream, "provider_not_supported", $"The provider '{deployment.Provider}' of deployment '{deployment.Id}' is not supported.", null, 501);

    private (int Retries, ResiliencePipeline<Result<ChatCompletionResponse>> Chat, ResiliencePipeline<Result<StartedStream>> Stream) Pipelines()
    {
        var retries = _options.Settings.NumRetries;
        var current = _pipelines;
        if (current is { } built && built.Retries == retries)
        {
            return built;
        }

        var fresh = (retries, BuildPipeline<ChatCompletionResponse>(retries), BuildPipeline<StartedStream>(retries));
        _pipelines = fresh;
        return fresh;
    }

    /// <summary>The retry pipeline for any other endpoint's result type, rebuilt when <c>num_retries</c> changes.</summary>
    private ResiliencePipeline<Result<T>> PipelineFor<T>()
    {
        var retries = _options.Settings.NumRetries;
        if (_otherPipelines.TryGetValue(typeof(T), out var cached) && cached.Retries == retries)
        {
            return (ResiliencePipeline<Result<T>>)cached.Pipeline;
        }

        var pipeline = BuildPipeline<T>(retries);
        _otherPipelines[typeof(T)] = (retries, pipeline);
        return pipeline;
    }

    private ResiliencePipeline<Result<T>> BuildPipeline<T>(int retries)
    {
        if (retries <= 0)
        {
            return ResiliencePipeline<Result<T>>.Empty;
        }

        return new ResiliencePipelineBuilder<Result<T>> { TimeProvider = _time }.AddRetry(new RetryStrategyOptions<Result<T>>
        {
            MaxRetryAttempts = retries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(50),
            MaxDelay = MaxHonouredRetryAfter,
            ShouldHandle = args =>
            {
                var state = args.Context.Properties.GetValue(StateKey, null!);
                if (state.AllCoolingDown)
                {
                    return ValueTask.FromResult(false);
                }

                var error = args.Outcome.Result.Error;
                var retry = error is not null && UpstreamErrors.IsRetryable(error)
                    && (error.RetryAfter is null || error.RetryAfter <= MaxHonouredRetryAfter);
                return ValueTask.FromResult(retry);
            },
            DelayGenerator = args =>
            {
                // Another deployment that has not failed yet can be tried at once; the same one must wait.
                var state = args.Context.Properties.GetValue(StateKey, null!);
                var now = _time.GetUtcNow();
                var fresh = state.Untried(Open(state.Deployments, now)).Count > 0;
                var floor = _options.Settings.RetryAfter;
                if (fresh)
                {
                    return ValueTask.FromResult<TimeSpan?>(floor);
                }

                var retryAfter = args.Outcome.Result.Error?.RetryAfter;
                return ValueTask.FromResult<TimeSpan?>(retryAfter is { } wait ? (wait > floor ? wait : floor) : null);
            },
        }).Build();
    }

    private sealed class AttemptState
    {
        public AttemptState(IReadOnlyList<ModelDeployment> deployments)
        {
            Deployments = deployments;
        }

        public IReadOnlyList<ModelDeployment> Deployments { get; }

        /// <summary>The deployments this request already tried; a group has a handful, so a list is enough.</summary>
        private List<ModelDeployment>? _tried;

        public void MarkTried(ModelDeployment deployment) => (_tried ??= new List<ModelDeployment>(2)).Add(deployment);

        /// <summary>Those of <paramref name="candidates"/> not tried yet; the list itself before the first attempt.</summary>
        public IReadOnlyList<ModelDeployment> Untried(IReadOnlyList<ModelDeployment> candidates)
        {
            if (_tried is null)
            {
                return candidates;
            }

            var untried = new List<ModelDeployment>(candidates.Count);
            for (var i = 0; i < candidates.Count; i++)
            {
                if (!WasTried(candidates[i]))
                {
                    untried.Add(candidates[i]);
                }
            }

            return untried;
        }

        private bool WasTried(ModelDeployment deployment)
        {
            foreach (var tried in _tried!)
            {
                if (string.Equals(tried.Id, deployment.Id, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        public int Attempts { get; set; }

        public ModelDeployment? Last { get; set; }

        public bool AllCoolingDown { get; set; }
    }

    private readonly record struct GroupResult<T>(Result<T> Outcome, ModelDeployment? Deployment, int Attempts);
}
