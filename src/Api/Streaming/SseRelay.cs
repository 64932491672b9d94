using System.Buffers;
using System.Text.Json.Serialization.Metadata;
using LlmPlatform.Api.Errors;
using LlmPlatform.Domain.Common;

namespace LlmPlatform.Api.Streaming;

/// <summary>
/// Relays an OpenAI-style stream as Server-Sent Events, <c>[DONE]</c> at the end, and on an upstream failure an
/// error event with no <c>[DONE]</c>, so the client never mistakes a cut answer for a whole one.
/// </summary>
/// <remarks>
/// Events are flushed as the upstream produces them: the first at once, and after it whenever the next chunk is not
/// already at hand, so no event waits in the gateway while the upstream is awaited. Chunks that arrive together (an
/// upstream that sends a burst, a replayed answer) go out together, up to <see cref="MaxUnflushedBytes"/>, instead of
/// one flush each.
/// </remarks>
internal static class SseRelay
{
    private const int MaxUnflushedBytes = 16 * 1024;

    /// <param name="response">Where the events go.</param>
    /// <param name="read">The next chunk, null at the end, or the error that ended the stream.</param>
    /// <param name="shape">Adjusts a chunk before it is sent; null skips it.</param>
    /// <param name="type">The chunk's source-generated serializer.</param>
    /// <param name="clientGone">Called when the client leaves mid-stream.</param>
    /// <param name="cancellationToken">The request's abort token.</param>
    /// <param name="verbatim">
    /// Takes the JSON a chunk was read from (in an array from the shared pool, returned here once written), to send
    /// instead of serializing the chunk again; empty when it has none.
    /// </param>
    public static async Task RelayAsync<T>(
        HttpResponse response,
        Func<CancellationToken, ValueTask<Result<T?>>> read,
        Func<T, T?> shape,
        JsonTypeInfo<T> type,
        Action clientGone,
        CancellationToken cancellationToken,
        Func<T, ArraySegment<byte>>? verbatim = null)
        where T : class
    {
        SseWriter.PrepareHeaders(response);
        using var writer = new SseWriter(response);
        var unflushed = 0;
        var flushedOnce = false;
        // Each read's ValueTask is consumed once: awaited below, or (when a flush is cancelled) by
        // FlushWhileReadingAsync, which then throws, so the loop never awaits it again.
#pragma warning disable CA2012
        try
        {
            var pending = read(cancellationToken);
            while (true)
            {
                if (unflushed > 0 && !pending.IsCompleted)
                {
                    await FlushWhileReadingAsync(writer, pending, cancellationToken).ConfigureAwait(false);
                    unflushed = 0;
                }

                var next = await pending.ConfigureAwait(false);
                if (!next.IsSuccess)
                {
                    await writer.WriteRawAsync(ErrorWriter.Serialize(next.Error!), cancellationToken).ConfigureAwait(false);
                    return;
                }

                if (next.Value is not { } chunk)
                {
                    break;
                }

                if (shape(chunk) is { } shaped)
                {
                    unflushed += Write(writer, shaped, type, verbatim);
                    if (!flushedOnce || unflushed >= MaxUnflushedBytes)
                    {
                        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
                        flushedOnce = true;
                        unflushed = 0;
                    }
                }

                pending = read(cancellationToken);
            }
#pragma warning restore CA2012

            await writer.WriteDoneAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            clientGone();
        }
    }

    private static int Write<T>(SseWriter writer, T chunk, JsonTypeInfo<T> type, Func<T, ArraySegment<byte>>? verbatim)
    {
        if (verbatim?.Invoke(chunk) is { Array: { } pooled } json)
        {
            try
            {
                return writer.Write(json);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(pooled);
            }
        }

        return writer.Write(chunk, type);
    }

    /// <summary>
    /// Flushes what is buffered while the next read is under way. When the flush is cancelled (the client left), that
    /// read is cancelled too and is awaited here, so that nothing still uses the stream once the caller releases it.
    /// </summary>
    private static async ValueTask FlushWhileReadingAsync<T>(SseWriter writer, ValueTask<Result<T?>> pending, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            try
            {
                await pending.ConfigureAwait(false);
            }
            catch (Exception)
            {
                // The client left: how the read ended (cancelled with the request, as a rule) no longer matters.
            }

            throw;
        }
    }
}
