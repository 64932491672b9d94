using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace LlmPlatform.FakeUpstream;

/// <summary>Encodes AWS event-stream messages: prelude with its CRC32, string headers, payload, message CRC32.</summary>
public static class EventStreamWriter
{
    /// <summary>One message whose headers all have the string type (7).</summary>
    public static byte[] Encode(IReadOnlyList<KeyValuePair<string, string>> headers, ReadOnlySpan<byte> payload)
    {
        using var headerBytes = new MemoryStream();
        Span<byte> length = stackalloc byte[2];
        foreach (var (name, value) in headers)
        {
            var nameBytes = Encoding.UTF8.GetBytes(name);
            var valueBytes = Encoding.UTF8.GetBytes(value);
            headerBytes.WriteByte((byte)nameBytes.Length);
            headerBytes.Write(nameBytes);
            headerBytes.WriteByte(7);
            BinaryPrimitives.WriteUInt16BigEndian(length, (ushort)valueBytes.Length);
            headerBytes.Write(length);
            headerBytes.Write(valueBytes);
        }

        var headersLength = (int)headerBytes.Length;
        var total = 12 + headersLength + payload.Length + 4;
        var message = new byte[total];
        BinaryPrimitives.WriteUInt32BigEndian(message, (uint)total);
        BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(4), (uint)headersLength);
        BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(8), Crc32.HashToUInt32(message.AsSpan(0, 8)));
        headerBytes.GetBuffer().AsSpan(0, headersLength).CopyTo(message.AsSpan(12));
        payload.CopyTo(message.AsSpan(12 + headersLength));
        BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(total - 4), Crc32.HashToUInt32(message.AsSpan(0, total - 4)));
        return message;
    }

    /// <summary>An <c>event</c> message with its <c>:event-type</c> and a JSON payload.</summary>
    public static byte[] Event(string eventType, string json) => Encode(
        [
            new(":event-type", eventType),
            new(":content-type", "application/json"),
            new(":message-type", "event"),
        ],
        Encoding.UTF8.GetBytes(json));

    /// <summary>An <c>exception</c> message, as ConverseStream sends a failure after the headers went out.</summary>
    public static byte[] Exception(string exceptionType, string message) => Encode(
        [
            new(":exception-type", exceptionType),
            new(":content-type", "application/json"),
            new(":message-type", "exception"),
        ],
        Encoding.UTF8.GetBytes($"{{\"message\":\"{message}\"}}"));
}
