using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Domain.Catalog;
using LlmPlatform.Domain.Common;
using MediatR;

namespace LlmPlatform.Application.Gateway.Completions;

/// <summary>
/// Routes a legacy completion: providers with a completions endpoint get it as is, chat-only providers get it
/// translated to a chat call and back. Publishes one usage event (at the stream's end when streamed).
/// </summary>
internal sealed class CreateCompletionCommandHandler : IRequestHandler<CreateCompletionCommand, Result<CompletionOutcome>>
{
    private const string CallType = "text_completion";

    private readonly RoutedCallServices _services;
    private readonly IReadOnlyList<ITextCompletionsAdapter> _textAdapters;
    private readonly IReadOnlyList<IProviderAdapter> _chatAdapters;

    public CreateCompletionCommandHandler(
        RoutedCallServices services,
        IEnumerable<ITextCompletionsAdapter> textAdapters,
        IEnumerable<IProviderAdapter> chatAdapters)
    {
        _services = services;
        _textAdapters = textAdapters.ToList();
        _chatAdapters = chatAdapters.ToList();
    }

    public async Task<Result<CompletionOutcome>> Handle(CreateCompletionCommand command, CancellationToken cancellationToken)
    {
        var started = _services.Time.GetUtcNow();
        var resolved = ModelResolution.Resolve(
            _services.Catalog,
            command.Caller,
            command.RequestedModel!,
            "text completions",
            d => Capabilities.Find(_textAdapters, d.Provider) is not null || ChatAdapter(d.Provider) is not null);
        if (!resolved.IsSuccess)
        {
            Publish(command, null, null, started, null, resolved.Error, 0);
            return resolved.Error!;
        }

        var (group, deployments) = resolved.Value;
        if (command.Request.IsStreaming)
        {
            var stream = await _services.Router.RunAsync(group, deployments, (d, t, ct) => StartStreamAsync(d, command.Request, t, ct), cancellationToken).ConfigureAwait(false);
            if (!stream.IsSuccess)
            {
                Publish(command, group, null, started, null, stream.Error, 0);
                return stream.Error!;
            }

            var routed = stream.Value;
            var relay = new GatewayTextStream(routed.Value, s => Completed(command, routed, started, s)) { Time = _services.Time };
            return new CompletionOutcome(null, relay, routed.Deployment.Id, routed.Attempts, null);
        }

        var answer = await _services.Router.RunAsync(group, deployments, (d, t, ct) => CompleteAsync(d, command.Request, t, ct), cancellationToken).ConfigureAwait(false);
        if (!answer.IsSuccess)
        {
            Publish(command, group, null, started, null, answer.Error, 0);
            return answer.Error!;
        }

        var response = answer.Value.Value;
        var usage = response.Usage ?? Usage.Of(
            command.EstimatePromptTokens(_services.Tokens),
            response.Choices.Sum(c => _services.Tokens.CountText(c.Text)));
        Publish(command, answer.Value.ModelGroup, answer.Value.Deployment, started, usage, null, answer.Value.Attempts);
        var cost = answer.Value.Deployment.Pricing.Cost(usage.PromptTokens, usage.CompletionTokens);
        return new CompletionOutcome(response with { Usage = usage }, null, answer.Value.Deployment.Id, answer.Value.Attempts, cost);
    }

    private IProviderAdapter? ChatAdapter(string provider) =>
        _chatAdapters.FirstOrDefault(a => a.Providers.Contains(provider, StringComparer.Ordinal));

    private async ValueTask<Result<TextCompletionResponse>> CompleteAsync(ModelDeployment deployment, TextCompletionRequest request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (Capabilities.Find(_textAdapters, deployment.Provider) is { } text)
        {
            return await text.CompleteAsync(deployment, request, timeout, cancellationToken).ConfigureAwait(false);
        }

        var chat = ChatTranslation.ToChat(request);
        if (!chat.IsSuccess)
        {
            return chat.Error!;
        }

        var call = new ProviderCall(deployment, chat.Value, DropParams: true, timeout);
        var answer = await ChatAdapter(deployment.Provider)!.ChatAsync(call, cancellationToken).ConfigureAwait(false);
        return answer.Map(r => ChatTranslation.FromChat(r, ChatTranslation.EchoOf(request)));
    }

    private async ValueTask<Result<ITextCompletionStream>> StartStreamAsync(ModelDeployment deployment, TextCompletionRequest request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = await OpenStreamAsync(deployment, request, timeout, cancellationToken).ConfigureAwait(false);
        return started.IsSuccess
            ? await PrefetchedTextStream.StartAsync(started.Value, timeout, cancellationToken).ConfigureAwait(false)
            : started;
    }

    private async ValueTask<Result<ITextCompletionStream>> OpenStreamAsync(ModelDeployment deployment, TextCompletionRequest request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (Capabilities.Find(_textAdapters, deployment.Provider) is { } text)
        {
            return await text.StreamAsync(deployment, request, timeout, cancellationToken).ConfigureAwait(false);
        }

        var chat = ChatTranslation.ToChat(request);
        if (!chat.IsSuccess)
        {
            return chat.Error!;
        }

        var call = new ProviderCall(deployment, chat.Value with { Stream = true }, DropParams: true, timeout);
        var stream = await ChatAdapter(deployment.Provider)!.StreamChatAsync(call, cancellationToken).ConfigureAwait(false);
        return stream.Map<ITextCompletionStream>(s => new ChatTextStream(s, ChatTranslation.EchoOf(request)));
    }

    private ValueTask Completed(CreateCompletionCommand command, Routed<ITextCompletionStream> routed, DateTimeOffset started, GatewayTextStream stream)
    {
        var usage = stream.UpstreamUsage
            ?? Usage.Of(command.EstimatePromptTokens(_services.Tokens), _services.Tokens.CountText(stream.CompletionText));
        var failure = stream.Failure
            ?? (stream.ClientCancelled ? new Error(ErrorKind.Upstream, "client_disconnected", "The client closed the connection.") : null);
        Publish(command, routed.ModelGroup, routed.Deployment, started, usage, failure, routed.Attempts, stream.FirstChunkAt);
        return ValueTask.CompletedTask;
    }

    private void Publish(
        CreateCompletionCommand command,
        string? group,
        ModelDeployment? deployment,
        DateTimeOffset started,
        Usage? usage,
        Error? error,
        int attempts,
        DateTimeOffset? firstToken = null) =>
        _services.Usage.Publish(UsageRecord.Create(
            command,
            CallType,
            group,
            deployment,
            started,
            _services.Time.GetUtcNow(),
            usage?.PromptTokens ?? 0,
            usage?.CompletionTokens ?? 0,
            error,
            attempts,
            command.Request.IsStreaming,
            firstToken));
}
