using System.Text;
using System.Text.Json;
using LlmPlatform.Application.Gateway;

namespace LlmPlatform.Infrastructure.Ledger;

/// <summary>
/// The ledger's overflow on disk: usage events that do not fit the in-memory queue (while PostgreSQL is down,
/// say) are appended to segment files of JSON lines, replayed oldest first once the database answers, and
/// deleted only after their rows are committed. Segments left by a stopped process are replayed at the next
/// start; replays are idempotent because the ledger skips request ids it already has.
/// </summary>
public sealed class LedgerSpill : IDisposable
{
    private const int SegmentLines = 10_000;
    private const string Extension = ".jsonl";

    private readonly Lock _gate = new();
    private readonly string _directory;
    private StreamWriter? _current;
    private string? _currentPath;
    private int _currentLines;
    private long _sequence;
    private long _spilled;

    public LedgerSpill(string directory)
    {
        _directory = directory;
        Directory.CreateDirectory(directory);
    }

    /// <summary>Events written to disk since start.</summary>
    public long Spilled => Interlocked.Read(ref _spilled);

    public void Append(UsageEvent usageEvent)
    {
        var line = JsonSerializer.Serialize(usageEvent, LedgerJsonContext.Default.UsageEvent);
        lock (_gate)
        {
            if (_current is null || _currentLines >= SegmentLines)
            {
                CloseCurrent();
                _currentPath = Path.Combine(_directory, $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Interlocked.Increment(ref _sequence):D6}{Extension}");
                _current = new StreamWriter(new FileStream(_currentPath, FileMode.CreateNew, FileAccess.Write, FileShare.Read), new UTF8Encoding(false));
            }

            _current.WriteLine(line);
            _current.Flush();
            _currentLines++;
        }

        Interlocked.Increment(ref _spilled);
    }

    /// <summary>Closes the segment being written and returns the oldest complete segment, or null.</summary>
    public string? OldestSegment()
    {
        lock (_gate)
        {
            if (_currentLines > 0)
            {
                CloseCurrent();
            }

            return Directory.EnumerateFiles(_directory, "*" + Extension)
                .Where(f => f != _currentPath)
                .OrderBy(f => f, StringComparer.Ordinal)
                .FirstOrDefault();
        }
    }

    /// <summary>Reads a segment; a torn last line (the process died mid-write) is skipped.</summary>
    public static List<UsageEvent> Read(string segment)
    {
        var events = new List<UsageEvent>();
        foreach (var line in File.ReadLines(segment))
        {
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                if (JsonSerializer.Deserialize(line, LedgerJsonContext.Default.UsageEvent) is { } usageEvent)
                {
                    events.Add(usageEvent);
                }
            }
            catch (JsonException)
            {
                // An incomplete line at the end of a segment: that event was never acknowledged to the writer.
            }
        }

        return events;
    }

    public static void Delete(string segment) => File.Delete(segment);

    private void CloseCurrent()
    {
        _current?.Dispose();
        _current = null;
        _currentPath = null;
        _currentLines = 0;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            CloseCurrent();
        }
    }
}
