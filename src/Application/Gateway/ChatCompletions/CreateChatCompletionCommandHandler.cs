using LlmPlatform.Application.Access.UserAccounts;
using LlmPlatform.Application.Catalog;
using LlmPlatform.Application.Catalog.Lifecycle;
using LlmPlatform.Application.Gateway.Caching;
using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Domain.Catalog;
using LlmPlatform.Domain.Common;
using MediatR;

namespace LlmPlatform.Application.Gateway.ChatCompletions;

/// <summary>Resolves the model, checks access, routes the call and records its usage.</summary>
internal sealed class CreateChatCompletionCommandHandler
    : IRequestHandler<CreateChatCompletionCommand, Result<ChatCompletionOutcome>>
{
    /// <summary>The call type of the OpenAI dialect; other dialects reuse this handler but are not cached.</summary>
    private const string OpenAiCallType = "chat_completion";

    private readonly IModelCatalog _catalog;
    private readonly IRouter _router;
    private readonly ITokenCounter _tokens;
    private readonly IUsageEventSink _usage;
    private readonly TimeProvider _time;
    private readonly ResponseCache _cache;
    private readonly IModelRuntimeState _runtime;
    private readonly UserProviderKeys _userKeys;

    public CreateChatCompletionCommandHandler(
        IModelCatalog catalog,
        IRouter router,
        ITokenCounter tokens,
        IUsageEventSink usage,
        TimeProvider time,
        ResponseCache cache,
        IModelRuntimeState runtime,
        UserProviderKeys userKeys)
    {
        _runtime = runtime;
        _userKeys = userKeys;
        _catalog = catalog;
        _router = router;
        _tokens = tokens;
        _usage = usage;
        _time = time;
        _cache = cache;
    }

    public async Task<Result<ChatCompletionOutcome>> Handle(CreateChatCompletionCommand command, CancellationToken cancellationToken)
    {
        var started = _time.GetUtcNow();
        var request = command.Request;
        var requested = request.Model!;

        if (!_catalog.TryResolve(requested, out var group, out var deployments))
        {
            var notFound = new Error(
                ErrorKind.NotFound,
                "model_not_found",
                $"The model '{requested}' does not exist or is not configured on this gateway.",
                "model");
            Publish(command, null, requested, started, 0, 0, 0m, notFound, attempts: 0);
            return notFound;
        }

        if (!command.Caller.MayUseModel(group))
        {
            var forbidden = new Error(
                ErrorKind.Forbidden,
                "model_not_allowed",
                $"This key is not allowed to use the model '{group}'.",
                "model");
            Publish(command, null, group, started, 0, 0, 0m, forbidden, attempts: 0);
            return forbidden;
        }

        if (_runtime.IsUnloaded(group))
        {
            var unloaded = LifecycleErrors.ModelUnloaded(group);
            Publish(command, null, group, started, 0, 0, 0m, unloaded, attempts: 0);
            return unloaded;
        }

        string? cacheKey = null;
        var cacheControl = default(CacheControl);
        if (_cache.CachesChat && command.CallType == OpenAiCallType)
        {
            cacheControl = CacheControl.Read(request.AdditionalProperties, out _);
            cacheKey = ResponseCacheKey.ForChat(requested, request);
            var cached = await _cache.GetAsync(cacheKey, cacheControl, GatewayJsonContext.Default.ChatCompletionResponse, cancellationToken).ConfigureAwait(false);
            if (cached is not null)
            {
                var cachedUsage = cached.Usage ?? Usage.Of(0, 0);
                command.Receipt?.TakeAnswer(cached, AnswerText);
                Publish(command, null, group, started, cachedUsage.PromptTokens, cachedUsage.CompletionTokens, 0m, null, attempts: 0, firstToken: request.IsStreaming ? _time.GetUtcNow() : null, cacheHit: true);
                return new ChatCompletionOutcome
                {
                    Response = cached,
                    ModelGroup = group,
                    DeploymentId = string.Empty,
                    Cost = 0m,
                    CacheHit = true,
                    CacheKey = cacheKey,
                };
            }
        }

        var storeKey = cacheControl.NoStore ? null : cacheKey;
        deployments = await _userKeys.ApplyAsync(command.Caller.UserId, deployments, cancellationToken).ConfigureAwait(false);
        if (request.IsStreaming)
        {
            var routedStream = await _router.StreamAsync(group, deployments, request, cancellationToken).ConfigureAwait(false);
            if (!routedStream.IsSuccess)
            {
                Publish(command, null, group, started, 0, 0, 0m, routedStream.Error, attempts: 0);
                return routedStream.Error!;
            }

            var routed = routedStream.Value;
            var stream = new GatewayChatStream(
                routed.Value,
                routed.Deployment,
                s => CompleteStream(command, group, started, routed.Attempts, s, storeKey, cacheControl),
                storeKey is null ? null : new ChatStreamAssembler());
            return new ChatCompletionOutcome
            {
                Stream = stream,
                ModelGroup = group,
                DeploymentId = routed.Deployment.Id,
                Attempts = routed.Attempts,
                CacheKey = cacheKey,
            };
        }

        var answer = await _router.ChatAsync(group, deployments, request, cancellationToken).ConfigureAwait(false);
        if (!answer.IsSuccess)
        {
            Publish(command, null, group, started, 0, 0, 0m, answer.Error, attempts: 0);
            return answer.Error!;
        }

        var result = answer.Value;
        var response = result.Value;
        var usage = response.Usage ?? CountUsage(request, response);
        if (response.Usage is null)
        {
            response = response with { Usage = usage };
        }

        var cost = result.Deployment.Pricing.Cost(usage.PromptTokens, usage.CompletionTokens);
        command.Receipt?.TakeAnswer(response, AnswerText);
        Publish(command, result.Deployment, group, started, usage.PromptTokens, usage.CompletionTokens, cost, null, result.Attempts);
        if (storeKey is not null)
        {
            _cache.Store(storeKey, response, cacheControl, GatewayJsonContext.Default.ChatCompletionResponse);
        }

        return new ChatCompletionOutcome
        {
            Response = response,
            ModelGroup = group,
            DeploymentId = result.Deployment.Id,
            Attempts = result.Attempts,
            Cost = cost,
            CacheKey = cacheKey,
        };
    }

    /// <summary>The text of a whole answer's first choice, for a receipt that keeps it.</summary>
    private static string AnswerText(ChatCompletionResponse response) =>
        response.Choices is [{ Message.Content: { } text }, ..] ? text : string.Empty;

    private Usage CountUsage(ChatCompletionRequest request, ChatCompletionResponse response)
    {
        var prompt = _tokens.CountPrompt(request.Messages!);
        var completion = 0;
        foreach (var choice in response.Choices)
        {
            completion += _tokens.CountText(choice.Message.Content);
            if (choice.Message.ToolCalls is { } calls)
            {
                foreach (var call in calls)
                {
                    completion += _tokens.CountText(call.Function?.Name) + _tokens.CountText(call.Function?.Arguments);
                }
            }
        }

        return Usage.Of(prompt, completion);
    }

    private ValueTask CompleteStream(
        CreateChatCompletionCommand command,
        string group,
        DateTimeOffset started,
        int attempts,
        GatewayChatStream stream,
        string? storeKey,
        CacheControl cacheControl)
    {
        var usage = stream.UpstreamUsage
            ?? Usage.Of(_tokens.CountPrompt(command.Request.Messages!), _tokens.CountText(stream.CompletionText));
        var cost = stream.Deployment.Pricing.Cost(usage.PromptTokens, usage.CompletionTokens);
        var failure = stream.Failure
            ?? (stream.ClientCancelled ? new Error(ErrorKind.Upstream, "client_disconnected", "The client closed the connection.") : null);
        command.Receipt?.TakeAnswer(stream, static s => s.CompletionText);
        Publish(command, stream.Deployment, group, started, usage.PromptTokens, usage.CompletionTokens, cost, failure, attempts, stream.FirstChunkAt);
        if (storeKey is not null && failure is null && stream.Ended && stream.Assembler is { } assembler)
        {
            _cache.Store(storeKey, assembler.Build(usage), cacheControl, GatewayJsonContext.Default.ChatCompletionResponse);
        }

        return ValueTask.CompletedTask;
    }

    private void Publish(
        CreateChatCompletionCommand command,
        ModelDeployment? deployment,
        string modelGroup,
        DateTimeOffset started,
        long promptTokens,
        long completionTokens,
        decimal cost,
        Error? error,
        int attempts,
        DateTimeOffset? firstToken = null,
        bool cacheHit = false)
    {
        var caller = command.Caller;
        var usage = new UsageEvent
        {
            RequestId = command.RequestId,
            CallType = command.CallType,
            KeyHash = caller.KeyHash,
            KeyAlias = caller.KeyAlias,
            UserId = caller.UserId,
            TeamId = caller.TeamId,
            OrganizationId = caller.OrganizationId,
            EndUser = command.Request.User,
            ModelGroup = modelGroup,
            DeploymentId = deployment?.Id,
            Provider = deployment?.Provider,
            ApiBase = deployment?.Settings.ApiBase,
            PromptTokens = promptTokens,
            CompletionTokens = completionTokens,
            Cost = cost,
            StartTime = started,
            EndTime = _time.GetUtcNow(),
            FirstTokenTime = firstToken,
            Status = error is null ? "success" : "failure",
            ErrorType = error?.Code,
            Stream = command.Request.IsStreaming,
            Attempts = attempts,
            CacheHit = cacheHit,
            Tags = RequestTags.From(command.Request.Metadata),
        };
        command.Receipt?.Take(usage);
        _usage.Publish(usage);
    }
}
