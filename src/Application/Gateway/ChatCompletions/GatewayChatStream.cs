using System.Text;
using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Domain.Catalog;
using LlmPlatform.Domain.Common;

namespace LlmPlatform.Application.Gateway.ChatCompletions;

/// <summary>
/// Relays a started upstream stream and, when it ends (normally, on an error, or because the client left),
/// settles its usage and publishes exactly one usage event.
/// </summary>
public sealed class GatewayChatStream : IAsyncDisposable
{
    private readonly StartedStream _started;
    private readonly Func<GatewayChatStream, ValueTask> _onCompleted;
    private readonly StringBuilder _completionText = new();
    private bool _firstReturned;
    private bool _completed;

    internal GatewayChatStream(StartedStream started, ModelDeployment deployment, Func<GatewayChatStream, ValueTask> onCompleted)
    {
        _started = started;
        Deployment = deployment;
        _onCompleted = onCompleted;
    }

    public ModelDeployment Deployment { get; }

    public DateTimeOffset FirstChunkAt => _started.FirstChunkAt;

    /// <summary>The usage the upstream reported in its last chunk, if it did.</summary>
    public Usage? UpstreamUsage { get; private set; }

    /// <summary>The error that ended the stream early, if any.</summary>
    public Error? Failure { get; private set; }

    public bool ClientCancelled { get; private set; }

    internal string CompletionText => _completionText.ToString();

    /// <summary>The next chunk, null at the end, or an error that ended the upstream stream.</summary>
    public async ValueTask<Result<ChatCompletionChunk?>> ReadAsync(CancellationToken cancellationToken)
    {
        if (!_firstReturned)
        {
            _firstReturned = true;
            if (_started.FirstChunk is not null)
            {
                Observe(_started.FirstChunk);
                return _started.FirstChunk;
            }

            return Result<ChatCompletionChunk?>.Success(null);
        }

        Result<ChatCompletionChunk?> next;
        try
        {
            next = await _started.Stream.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            ClientCancelled = true;
            throw;
        }

        if (!next.IsSuccess)
        {
            Failure = next.Error;
            return next;
        }

        if (next.Value is { } chunk)
        {
            Observe(chunk);
        }

        return next;
    }

    private void Observe(ChatCompletionChunk chunk)
    {
        if (chunk.Usage is not null)
        {
            UpstreamUsage = chunk.Usage;
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

    /// <summary>Marks the client as gone; the usage event records the partial answer.</summary>
    public void MarkClientCancelled() => ClientCancelled = true;

    public async ValueTask DisposeAsync()
    {
        if (_completed)
        {
            return;
        }

        _completed = true;
        try
        {
            await _started.Stream.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            await _onCompleted(this).ConfigureAwait(false);
        }
    }
}
