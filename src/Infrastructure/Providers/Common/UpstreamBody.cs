using System.Buffers;

namespace LlmPlatform.Infrastructure.Providers.Common;

/// <summary>Reads a whole (non-streamed) upstream answer into pooled memory.</summary>
internal static class UpstreamBody
{
    private const int FirstBufferSize = 16 * 1024;

    /// <summary>The largest declared length trusted with an array up front; beyond it the buffer grows as bytes arrive.</summary>
    private const long LargestUpFront = 64L * 1024 * 1024;

    /// <summary>
    /// The body's bytes in an array rented from <see cref="ArrayPool{T}.Shared"/>, which the caller returns (or leaves
    /// to the collector): read straight into it when the upstream declared the length, otherwise gathered in a buffer
    /// that doubles as bytes arrive.
    /// </summary>
    public static async ValueTask<ArraySegment<byte>> ReadPooledAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var body = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var declared = content.Headers.ContentLength is { } length and <= LargestUpFront ? (int)length : -1;
        var buffer = ArrayPool<byte>.Shared.Rent(declared >= 0 ? Math.Max(declared, 1) : FirstBufferSize);
        var filled = 0;
        try
        {
            if (declared >= 0)
            {
                await body.ReadExactlyAsync(buffer.AsMemory(0, declared), cancellationToken).ConfigureAwait(false);
                return new ArraySegment<byte>(buffer, 0, declared);
            }

            while (true)
            {
                if (filled == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, filled).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await body.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return new ArraySegment<byte>(buffer, 0, filled);
                }

                filled += read;
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }
}
