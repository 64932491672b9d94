using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace LlmPlatform.Infrastructure.Providers.Bedrock;

/// <summary>
/// Decodes the AWS event-stream binary framing: a 12-byte prelude (total length, headers length, CRC32 of
/// the first 8 bytes), the headers, the payload, and a CRC32 of everything before it. One buffer is reused.
/// </summary>
internal sealed class EventStreamReader : IDisposable
{
    public const int MaxMessageLength = 16 * 1024 * 1024;
    private const int PreludeLength = 12;
    private const int MinimumLength = PreludeLength + 4;

    private readonly Stream _stream;
    private byte[] _buffer = new byte[8 * 1024];

    public EventStreamReader(Stream stream)
    {
        _stream = stream;
    }

    /// <summary>
    /// The next message, null at a clean end of the body, or an error text for a malformed frame.
    /// A body that ends inside a frame throws <see cref="EndOfStreamException"/>.
    /// </summary>
    public async ValueTask<(EventStreamMessage? Message, string? Error)> ReadAsync(CancellationToken cancellationToken)
    {
        var read = await _stream.ReadAtLeastAsync(_buffer.AsMemory(0, PreludeLength), PreludeLength, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            return (null, null);
        }

        if (read < PreludeLength)
        {
            throw new EndOfStreamException("The event stream ended inside a message prelude.");
        }

        var totalLength = BinaryPrimitives.ReadUInt32BigEndian(_buffer);
        var headersLength = BinaryPrimitives.ReadUInt32BigEndian(_buffer.AsSpan(4));
        var preludeCrc = BinaryPrimitives.ReadUInt32BigEndian(_buffer.AsSpan(8));
        if (Crc32.HashToUInt32(_buffer.AsSpan(0, 8)) != preludeCrc)
        {
            return (null, "event-stream prelude CRC mismatch");
        }

        if (totalLength is < MinimumLength or > MaxMessageLength || headersLength > totalLength - MinimumLength)
        {
            return (null, $"event-stream message length {totalLength} with headers {headersLength} is invalid");
        }

        var total = (int)totalLength;
        if (_buffer.Length < total)
        {
            var grown = new byte[Math.Max(total, _buffer.Length * 2)];
            _buffer.AsSpan(0, PreludeLength).CopyTo(grown);
            _buffer = grown;
        }

        await _stream.ReadExactlyAsync(_buffer.AsMemory(PreludeLength, total - PreludeLength), cancellationToken).ConfigureAwait(false);
        var messageCrc = BinaryPrimitives.ReadUInt32BigEndian(_buffer.AsSpan(total - 4));
        if (Crc32.HashToUInt32(_buffer.AsSpan(0, total - 4)) != messageCrc)
        {
            return (null, "event-stream message CRC mismatch");
        }

        var headers = ParseHeaders(_buffer.AsSpan(PreludeLength, (int)headersLength));
        if (headers is null)
        {
            return (null, "event-stream headers are malformed");
        }

        var payloadStart = PreludeLength + (int)headersLength;
        return (new EventStreamMessage(headers, _buffer.AsMemory(payloadStart, total - 4 - payloadStart)), null);
    }

    public void Dispose() => _stream.Dispose();

    /// <summary>Reads every header (name length, name, value type, value); keeps those of string type.</summary>
    private static Dictionary<string, string>? ParseHeaders(ReadOnlySpan<byte> span)
    {
        var headers = new Dictionary<string, string>(4, StringComparer.Ordinal);
        while (span.Length > 0)
        {
            int nameLength = span[0];
            if (span.Length < 2 + nameLength)
            {
                return null;
            }

            var name = Encoding.UTF8.GetString(span.Slice(1, nameLength));
            var type = span[1 + nameLength];
            span = span[(2 + nameLength)..];
            int valueLength;
            switch (type)
            {
                case 0 or 1:
                    valueLength = 0;
                    break;
                case 2:
                    valueLength = 1;
                    break;
                case 3:
                    valueLength = 2;
                    break;
                case 4:
                    valueLength = 4;
                    break;
                case 5 or 8:
                    valueLength = 8;
                    break;
                case 9:
                    valueLength = 16;
                    break;
                case 6 or 7:
                    if (span.Length < 2)
                    {
                        return null;
                    }

                    var length = BinaryPrimitives.ReadUInt16BigEndian(span);
                    span = span[2..];
                    if (span.Length < length)
                    {
                        return null;
                    }

                    if (type == 7)
                    {
                        headers[name] = Encoding.UTF8.GetString(span[..length]);
                    }

                    valueLength = length;
                    break;
                default:
                    return null;
            }

            if (span.Length < valueLength)
            {
                return null;
            }

            span = span[valueLength..];
        }

        return headers;
    }
}
