using System.Text;
using System.Text.Json;
using LlmPlatform.Application.Gateway;

namespace LlmPlatform.Infrastructure.Ledger;

/// <summary>
/// The ledger's overflow on disk: usage events that do not fit the in-memory queue (while PostgreSQL is down,
/// say) are appended to segment files of JSON lines, replayed oldest first once the database answers, and
/// deleted only after their rows are committed. Segments left by a stopped process are replayed at the next
/// start; replays are idempotent because the ledger skips request ids it already has. Rows PostgreSQL refuses for
/// their data go to a file of their own (<see cref="RejectedPath"/>), which is never replayed.
/// </summary>
public sealed class LedgerSpill : IDisposable
{
    private const int SegmentLines = 10_000;
    private const string Extension = ".jsonl";
    private static readonly UTF8Encoding Utf8 = new(false);

    private readonly Lock _gate = new();
    private readonly string _directory;
    private StreamWriter? _current;
    private string? _currentPath;
    private int _currentLines;
    private long _sequence;
    private long _spilled;
    private long _rejected;

    public LedgerSpill(string directory)
    {
        _directory = directory;
        Directory.CreateDirectory(directory);
        RejectedPath = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)) + ".rejected" + Extension;
    }

    /// <summary>
    /// The file, next to the spill folder (its name plus <c>.rejected.jsonl</c>), of the rows the ledger writer set
    /// aside because PostgreSQL refused them even without their optional fields; JSON lines, as the segments.
    /// </summary>
    public string RejectedPath { get; }

    /// <summary>Events written to disk since start.</summary>
    public long Spilled => Interlocked.Read(ref _spilled);

    /// <summary>Rows appended to <see cref="RejectedPath"/> since start.</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    public void Append(UsageEvent usageEvent)
    {
        var line = Line(usageEvent);
        lock (_gate)
        {
            if (_current is null || _currentLines >= SegmentLines)
            {
                CloseCurrent();
                _currentPath = Path.Combine(_directory, $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Interlocked.Increment(ref _sequence):D6}{Extension}");
                _current = new StreamWriter(new FileStream(_currentPath, FileMode.CreateNew, FileAccess.Write, FileShare.Read), Utf8);
            }

            _current.WriteLine(line);
            _current.Flush();
            _currentLines++;
        }

        Interlocked.Increment(ref _spilled);
    }

    /// <summary>Appends a row PostgreSQL refused to <see cref="RejectedPath"/>, to be looked at by hand.</summary>
    public void Reject(UsageEvent usageEvent)
    {
        var line = Line(usageEvent) + "\n";
        lock (_gate)
        {
            File.AppendAllText(RejectedPath, line, Utf8);
        }

        Interlocked.Increment(ref _rejected);
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

    private static string Line(UsageEvent usageEvent) => JsonSerializer.Serialize(usageEvent, LedgerJsonContext.Default.UsageEvent);

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
