using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Domain.Common;

namespace LlmPlatform.Application.Gateway.Completions;

/// <summary>
/// A text stream whose first chunk has already been read inside the routed attempt, so an upstream that accepts
/// the request and then fails before its first chunk is retried or falls back like any other failure.
/// </summary>
internal sealed class PrefetchedTextStream : ITextCompletionStream
{
    private readonly ITextCompletionStream _inner;
    private readonly TextCompletionResponse? _first;
    private bool _firstServed;

    private PrefetchedTextStream(ITextCompletionStream inner, TextCompletionResponse? first)
    {
        _inner = inner;
        _first = first;
    }

    /// <summary>Reads the first chunk within <paramref name="timeout"/>; a failure releases the stream and is returned.</summary>
    public static async ValueTask<Result<ITextCompletionStream>> StartAsync(ITextCompletionStream stream, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var firstChunkTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        firstChunkTimeout.CancelAfter(timeout);
        Result<TextCompletionResponse?> first;
        try
        {
            first = await stream.ReadAsync(firstChunkTimeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            return new Error(ErrorKind.Timeout, "upstream_timeout", $"The upstream sent no first chunk within {timeout.TotalSeconds:0.###} s.", null, 504);
        }
        catch
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        if (!first.IsSuccess)
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            return first.Error!;
        }

        return new PrefetchedTextStream(stream, first.Value);
    }

    public ValueTask<Result<TextCompletionResponse?>> ReadAsync(CancellationToken cancellationToken)
    {
        if (!_firstServed)
        {
            _firstServed = true;
            return ValueTask.FromResult(Result<TextCompletionResponse?>.Success(_first));
        }

        return _inner.ReadAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _inner.DisposeAsync();
}
