using System.Text;
using LlmPlatform.Application.Gateway.Caching;
using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Domain.Catalog;
using LlmPlatform.Domain.Common;

namespace LlmPlatform.Application.Gateway.ChatCompletions;

/// <summary>
/// Relays a started upstream stream and, when it ends (normally, on an error, or because the client left),
/// settles its usage and publishes exactly one usage event.
/// </summary>
public sealed class GatewayChatStream : RelayedStream<ChatCompletionChunk>
{
    private readonly StartedStream _started;
    private readonly Func<GatewayChatStream, ValueTask> _onCompleted;
    private readonly StringBuilder _completionText = new();
    private bool _firstReturned;

    internal GatewayChatStream(
        StartedStream started,
        ModelDeployment deployment,
        Func<GatewayChatStream, ValueTask> onCompleted,
        ChatStreamAssembler? assembler = null)
    {
        _started = started;
        Deployment = deployment;
        _onCompleted = onCompleted;
        Assembler = assembler;
    }

    public ModelDeployment Deployment { get; }

    public DateTimeOffset FirstChunkAt => _started.FirstChunkAt;

    /// <summary>The usage the upstream reported in its last chunk, if it did.</summary>
    public Usage? UpstreamUsage { get; private set; }

    internal string CompletionText => _completionText.ToString();

    /// <summary>Collects the whole answer for the response cache; null when it will not be stored.</summary>
    internal ChatStreamAssembler? Assembler { get; }

    private protected override ValueTask<Result<ChatCompletionChunk?>> ReadNextAsync(CancellationToken cancellationToken)
    {
        if (!_firstReturned)
        {
            _firstReturned = true;
            return ValueTask.FromResult(Result<ChatCompletionChunk?>.Success(_started.FirstChunk));
        }

        return _started.Stream.ReadAsync(cancellationToken);
    }

    private protected override void Observe(ChatCompletionChunk chunk)
    {
        Assembler?.Add(chunk);
        if (chunk.Usage is not null)
        {
            UpstreamUsage = chunk.Usage;
        }

        if (chunk.TryGetTextDelta(out var delta))
        {
            _completionText.Append(delta);
            return;
        }

        foreach (var choice in chunk.Choices)
        {
            if (choice.Delta.Content is { } text)
            {
                _completionText.Append(text);
            }

            if (choice.Delta.ToolCalls is { } calls)
            {
                foreach (var call in calls)
                {
                    _completionText.Append(call.Function?.Name).Append(call.Function?.Arguments);
                }
            }
        }
    }

    private protected override ValueTask DisposeUpstreamAsync() => _started.Stream.DisposeAsync();

    private protected override ValueTask SettleAsync() => _onCompleted(this);
}
