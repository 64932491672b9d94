using LlmPlatform.Domain.Common;

namespace LlmPlatform.Application.Gateway;

/// <summary>
/// Reads the first chunk of a just-started stream within the attempt's time, so a failure before it can still be
/// retried; whenever no chunk comes back the stream is released.
/// </summary>
public static class FirstChunk
{
    public static async ValueTask<Result<T?>> ReadAsync<T>(
        IAsyncDisposable stream,
        Func<CancellationToken, ValueTask<Result<T?>>> read,
        TimeSpan timeout,
        Func<Error> timedOut,
        CancellationToken cancellationToken)
        where T : class
    {
        using var firstChunkTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        firstChunkTimeout.CancelAfter(timeout);
        Result<T?> first;
        try
        {
            first = await read(firstChunkTimeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            return timedOut();
        }
        catch
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        if (!first.IsSuccess)
        {
            await stream.DisposeAsync().ConfigureAwait(false);
        }

        return first;
    }
}
