using System.Text;

namespace LlmPlatform.Infrastructure.Providers.Common;

/// <summary>Reads Server-Sent Events from an upstream body: yields each event's <c>event</c> name and joined <c>data</c>.</summary>
internal sealed class SseLineReader : IDisposable
{
    private readonly StreamReader _reader;

    public SseLineReader(Stream stream)
    {
        _reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 4096, leaveOpen: false);
    }

    /// <summary>The next event, or null at the end of the body.</summary>
    public async ValueTask<SseEvent?> ReadEventAsync(CancellationToken cancellationToken)
    {
        string? eventName = null;
        StringBuilder? data = null;
        while (true)
        {
            var line = await _reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (line is null)
            {
                return data is null ? null : new SseEvent(eventName, data.ToString());
            }

            if (line.Length == 0)
            {
                if (data is not null)
                {
                    return new SseEvent(eventName, data.ToString());
                }

                eventName = null;
                continue;
            }

            if (line[0] == ':')
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? string.Empty : line[(colon + 1)..];
            if (value.Length > 0 && value[0] == ' ')
            {
                value = value[1..];
            }

            switch (field)
            {
                case "event":
                    eventName = value;
                    break;
                case "data":
                    if (data is null)
                    {
                        data = new StringBuilder(value);
                    }
                    else
                    {
                        data.Append('\n').Append(value);
                    }

                    break;
                default:
                    break;
            }
        }
    }

    public void Dispose() => _reader.Dispose();
}
