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
        var first = await FirstChunk.ReadAsync(
            stream,
            stream.ReadAsync,
            timeout,
            () => new Error(ErrorKind.Timeout, "upstream_timeout", $"The upstream sent no first chunk within {timeout.TotalSeconds:0.###} s.", null, 504),
            cancellationToken).ConfigureAwait(false);
        return first.IsSuccess ? new PrefetchedTextStream(stream, first.Value) : first.Error!;
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
