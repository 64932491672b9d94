using System.Collections.Concurrent;

namespace LlmPlatform.FakeUpstream;

/// <summary>
/// Scripted behaviour per route: queued one-shot behaviours first, then the route's default, then the
/// server's default. Also records every request it sees.
/// </summary>
public sealed class Script
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Behavior>> _queued = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Behavior> _defaults = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RecordedRequest> _received = new();
    private readonly ConcurrentDictionary<string, Behavior> _byMarker = new(StringComparer.Ordinal);
    private int _aborted;

    public Behavior Default { get; set; } = Behavior.Answer();

    /// <summary>Whether requests are recorded (off for benchmarks).</summary>
    public bool Record { get; set; } = true;

    public IReadOnlyCollection<RecordedRequest> Received => _received.ToArray();

    /// <summary>How many requests the client (the gateway) abandoned before the fake finished answering.</summary>
    public int Aborted => Volatile.Read(ref _aborted);

    public void MarkAborted() => Interlocked.Increment(ref _aborted);

    public void Enqueue(string route, params Behavior[] behaviors)
    {
        var queue = _queued.GetOrAdd(route, _ => new ConcurrentQueue<Behavior>());
        foreach (var behavior in behaviors)
        {
            queue.Enqueue(behavior);
        }
    }

    public void SetDefault(string route, Behavior behavior) => _defaults[route] = behavior;

    /// <summary>Every request whose body contains <paramref name="marker"/> gets <paramref name="behavior"/>, before queued ones and defaults.</summary>
    public void WhenBodyContains(string marker, Behavior behavior) => _byMarker[marker] = behavior;

    /// <summary>The behaviour for a request with this body: a marker's first, else as <see cref="Next(string)"/>.</summary>
    public Behavior Next(string route, string body)
    {
        foreach (var (marker, behavior) in _byMarker)
        {
            if (body.Contains(marker, StringComparison.Ordinal))
            {
                return behavior;
            }
        }

        return Next(route);
    }

    public Behavior Next(string route)
    {
        if (_queued.TryGetValue(route, out var queue) && queue.TryDequeue(out var behavior))
        {
            return behavior;
        }

        return _defaults.TryGetValue(route, out var routeDefault) ? routeDefault : Default;
    }

    public void Add(RecordedRequest request)
    {
        if (Record)
        {
            _received.Enqueue(request);
        }
    }

    public void Reset()
    {
        _queued.Clear();
        _defaults.Clear();
        _byMarker.Clear();
        _received.Clear();
        Interlocked.Exchange(ref _aborted, 0);
        Default = Behavior.Answer();
    }
}
