using System.Buffers;
using System.Text.Json.Serialization.Metadata;
using LlmPlatform.Api.Errors;
using LlmPlatform.Domain.Common;

namespace LlmPlatform.Api.Streaming;

/// <summary>
/// Relays an OpenAI-style stream as Server-Sent Events: one flushed event per chunk, <c>[DONE]</c> at the end, and
/// on an upstream failure an error event with no <c>[DONE]</c>, so the client never mistakes a cut answer for a whole one.
/// </summary>
internal static class SseRelay
{
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
        try
        {
            while (true)
            {
                var next = await read(cancellationToken).ConfigureAwait(false);
                if (!next.IsSuccess)
                {
                    await writer.WriteRawAsync(ErrorWriter.Serialize(next.Error!), cancellationToken).ConfigureAwait(false);
                    return;
                }

                if (next.Value is not { } chunk)
                {
                    break;
                }

                if (shape(chunk) is not { } shaped)
                {
                    continue;
                }

                if (verbatim?.Invoke(shaped) is { Array: { } pooled } json)
                {
                    try
                    {
                        await writer.WriteRawAsync(json, cancellationToken).ConfigureAwait(false);
                    }
                    finally
                    {
                        ArrayPool<byte>.Shared.Return(pooled);
                    }
                }
                else
                {
                    await writer.WriteAsync(shaped, type, cancellationToken).ConfigureAwait(false);
                }
            }

            await writer.WriteDoneAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            clientGone();
        }
    }
}
