using System.Buffers;
using System.IO.Pipelines;
using System.Text;

namespace LlmPlatform.Infrastructure.Providers.Common;

/// <summary>
/// Reads Server-Sent Events from an upstream body straight from its bytes: each event's <c>event</c> name and its
/// <c>data</c> lines joined with <c>\n</c>. Lines end with <c>\n</c> or <c>\r\n</c>; comments are skipped.
/// </summary>
/// <remarks>
/// <see cref="ReadUtf8EventAsync"/> leaves the event's data as UTF-8 in a reused buffer (valid until the next read),
/// so that a JSON event goes to the deserializer with no string in between; <see cref="ReadEventAsync"/> is the
/// same with the data as a string.
/// </remarks>
internal sealed class SseLineReader : IDisposable
{
    private static readonly byte[] DataField = "data"u8.ToArray();
    private static readonly byte[] EventField = "event"u8.ToArray();

    private readonly PipeReader _pipe;
    private readonly ArrayBufferWriter<byte> _data = new(1024);
    private bool _ended;
    private int _dataLines;

    public SseLineReader(Stream stream)
    {
        _pipe = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 4096, leaveOpen: false));
    }

    /// <summary>The last event's name (null when it had none).</summary>
    public string? EventName { get; private set; }

    /// <summary>The last event's data, as UTF-8; valid until the next read.</summary>
    public ReadOnlyMemory<byte> Data => _data.WrittenMemory;

    /// <summary>The next event, or null at the end of the body.</summary>
    public async ValueTask<SseEvent?> ReadEventAsync(CancellationToken cancellationToken) =>
        await ReadUtf8EventAsync(cancellationToken).ConfigureAwait(false)
            ? new SseEvent(EventName, Encoding.UTF8.GetString(_data.WrittenSpan))
            : null;

    /// <summary>Reads the next event into <see cref="EventName"/> and <see cref="Data"/>; false at the end of the body.</summary>
    public async ValueTask<bool> ReadUtf8EventAsync(CancellationToken cancellationToken)
    {
        _data.ResetWrittenCount();
        _dataLines = 0;
        EventName = null;
        var hasData = false;
        if (_ended)
        {
            return false;
        }

        while (true)
        {
            var result = await _pipe.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            while (TryTakeLine(ref buffer, out var line))
            {
                if (line.IsEmpty)
                {
                    if (hasData)
                    {
                        _pipe.AdvanceTo(buffer.Start);
                        return true;
                    }

                    EventName = null;
                    continue;
                }

                hasData |= ReadField(line);
            }

            if (result.IsCompleted)
            {
                // A last line without its line end still counts; then the body is over.
                if (!buffer.IsEmpty)
                {
                    hasData |= ReadField(buffer.IsSingleSegment ? buffer.FirstSpan : buffer.ToArray());
                }

                _pipe.AdvanceTo(buffer.End);
                _ended = true;
                return hasData;
            }

            _pipe.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    public void Dispose() => _pipe.Complete();

    private static bool TryTakeLine(ref ReadOnlySequence<byte> buffer, out ReadOnlySpan<byte> line)
    {
        var end = buffer.PositionOf((byte)'\n');
        if (end is null)
        {
            line = default;
            return false;
        }

        var slice = buffer.Slice(0, end.Value);
        line = slice.IsSingleSegment ? slice.FirstSpan : slice.ToArray();
        if (!line.IsEmpty && line[^1] == (byte)'\r')
        {
            line = line[..^1];
        }

        buffer = buffer.Slice(buffer.GetPosition(1, end.Value));
        return true;
    }

    /// <returns>Whether the line was a data line.</returns>
    private bool ReadField(ReadOnlySpan<byte> line)
    {
        if (line.IsEmpty || line[0] == (byte)':')
        {
            return false;
        }

        var colon = line.IndexOf((byte)':');
        var field = colon < 0 ? line : line[..colon];
        var value = colon < 0 ? ReadOnlySpan<byte>.Empty : line[(colon + 1)..];
        if (!value.IsEmpty && value[0] == (byte)' ')
        {
            value = value[1..];
        }

        if (field.SequenceEqual(DataField))
        {
            if (_dataLines > 0)
            {
                _data.Write("\n"u8);
            }

            _data.Write(value);
            _dataLines++;
            return true;
        }

        if (field.SequenceEqual(EventField))
        {
            EventName = Encoding.UTF8.GetString(value);
        }

        return false;
    }
}
