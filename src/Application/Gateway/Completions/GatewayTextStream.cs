using System.Text;
using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Domain.Common;

namespace LlmPlatform.Application.Gateway.Completions;

/// <summary>Relays a started legacy completion stream and publishes its one usage event when it ends.</summary>
public sealed class GatewayTextStream : IAsyncDisposable
{
    private readonly ITextCompletionStream _inner;
    private readonly Func<GatewayTextStream, ValueTask> _onCompleted;
    private readonly StringBuilder _text = new();
    private bool _completed;

    internal GatewayTextStream(ITextCompletionStream inner, Func<GatewayTextStream, ValueTask> onCompleted)
    {
        _inner = inner;
        _onCompleted = onCompleted;
    }

    public Usage? UpstreamUsage { get; private set; }

    public Error? Failure { get; private set; }

    public bool ClientCancelled { get; private set; }

    public DateTimeOffset? FirstChunkAt { get; private set; }

    internal string CompletionText => _text.ToString();

    internal TimeProvider Time { get; init; } = TimeProvider.System;

    public async ValueTask<Result<TextCompletionResponse?>> ReadAsync(CancellationToken cancellationToken)
    {
        Result<TextCompletionResponse?> next;
        try
        {
            next = await _inner.ReadAsync(cancellationToken).ConfigureAwait(false);
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
            FirstChunkAt ??= Time.GetUtcNow();
            UpstreamUsage = chunk.Usage ?? UpstreamUsage;
            foreach (var choice in chunk.Choices)
            {
                _text.Append(choice.Text);
            }
        }

        return next;
    }

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
            await _inner.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            await _onCompleted(this).ConfigureAwait(false);
        }
    }
}
