using LlmPlatform.Domain.Common;

namespace LlmPlatform.Application.Gateway;

/// <summary>
/// A started upstream stream being relayed to a client: remembers the error that ended it or that the client left,
/// lets the subclass observe each chunk (text, usage), and settles exactly once when disposed.
/// </summary>
public abstract class RelayedStream<TChunk> : IAsyncDisposable
    where TChunk : class
{
    private bool _completed;

    private protected RelayedStream()
    {
    }

    /// <summary>The error that ended the stream early, if any.</summary>
    public Error? Failure { get; private set; }

    public bool ClientCancelled { get; private set; }

    /// <summary>Whether the upstream stream reached its end (rather than failing or being left).</summary>
    public bool Ended { get; private set; }

    /// <summary>The next chunk, null at the end, or an error that ended the upstream stream.</summary>
    public async ValueTask<Result<TChunk?>> ReadAsync(CancellationToken cancellationToken)
    {
        Result<TChunk?> next;
        try
        {
            next = await ReadNextAsync(cancellationToken).ConfigureAwait(false);
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
        else
        {
            Ended = true;
        }

        return next;
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
        GC.SuppressFinalize(this);
        try
        {
            await DisposeUpstreamAsync().ConfigureAwait(false);
        }
        finally
        {
            await SettleAsync().ConfigureAwait(false);
        }
    }

    private protected abstract ValueTask<Result<TChunk?>> ReadNextAsync(CancellationToken cancellationToken);

    private protected abstract void Observe(TChunk chunk);

    private protected abstract ValueTask DisposeUpstreamAsync();

    /// <summary>Settles usage and publishes the one usage event; runs once, after the upstream is released.</summary>
    private protected abstract ValueTask SettleAsync();
}
