using System.Buffers;

namespace LlmPlatform.Infrastructure.Providers.Common;

/// <summary>Reads a whole (non-streamed) upstream answer into memory.</summary>
internal static class UpstreamBody
{
    private const int FirstBufferSize = 16 * 1024;

    /// <summary>The largest declared length trusted with an array up front; beyond it the buffer grows as bytes arrive.</summary>
    private const long LargestUpFront = 64L * 1024 * 1024;

    /// <summary>
    /// The body's bytes in an array of exactly their length: read straight into it when the upstream declared the
    /// length, otherwise gathered in a pooled buffer and copied once.
    /// </summary>
    public static async ValueTask<byte[]> ReadAllAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var body = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        if (content.Headers.ContentLength is { } declared and <= LargestUpFront)
        {
            var exact = GC.AllocateUninitializedArray<byte>((int)declared);
            await body.ReadExactlyAsync(exact, cancellationToken).ConfigureAwait(false);
            return exact;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(FirstBufferSize);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return buffer.AsSpan(0, length).ToArray();
                }

                length += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
