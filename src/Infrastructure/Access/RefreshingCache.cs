using System.Collections.Concurrent;
using System.Data.Common;

namespace LlmPlatform.Infrastructure.Access;

/// <summary>
/// What the hot path reads from PostgreSQL about a key or an end user, kept for a while. Requests that need an
/// entry at the same moment share one load; an entry past its time that may be served stale is still given while
/// one background load refreshes it, for up to a grace period. Without that, every request in flight when an entry
/// expires runs the same query itself and waits for it.
/// </summary>
/// <typeparam name="T">The cached value; a "not found" is a value too, so that unknown keys are cached briefly.</typeparam>
internal sealed class RefreshingCache<T>
    where T : class
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>The one load in flight per key: concurrent first uses and refreshes share it.</summary>
    private readonly ConcurrentDictionary<string, Task<T>> _loading = new(StringComparer.Ordinal);

    private readonly TimeProvider _time;
    private readonly Func<string, Task<T>> _load;
    private readonly Func<T, TimeSpan> _lifetime;
    private readonly Func<T, bool> _mayServeStale;
    private readonly TimeSpan _staleGrace;

    /// <summary>
    /// Moves on every invalidation, so that a load which started before one does not cache what it read. An
    /// invalidation also forgets the loads in flight, so that no request after it joins one of them.
    /// </summary>
    private long _generation;

    private long _loads;

    /// <param name="time">The clock entries expire by.</param>
    /// <param name="load">Reads one entry; it is not cancelled with a caller, since others may be waiting on it.</param>
    /// <param name="lifetime">How long a loaded value is fresh.</param>
    /// <param name="mayServeStale">Whether a value past its time may be served while it refreshes (a found row, not a miss).</param>
    /// <param name="staleGrace">How long past its time such a value is still served; after that, requests wait for the load.</param>
    public RefreshingCache(TimeProvider time, Func<string, Task<T>> load, Func<T, TimeSpan> lifetime, Func<T, bool> mayServeStale, TimeSpan staleGrace)
    {
        _time = time;
        _load = load;
        _lifetime = lifetime;
        _mayServeStale = mayServeStale;
        _staleGrace = staleGrace;
    }

    /// <summary>How many loads have started.</summary>
    public long Loads => Interlocked.Read(ref _loads);

    public async ValueTask<T> GetAsync(string key, CancellationToken cancellationToken)
    {
        if (_entries.TryGetValue(key, out var entry))
        {
            var late = _time.GetUtcNow() - entry.ValidUntil;
            if (late <= TimeSpan.Zero)
            {
                return entry.Value;
            }

            if (late < _staleGrace && _mayServeStale(entry.Value))
            {
                _ = RefreshAsync(key);
                return entry.Value;
            }
        }

        // A request already given up starts no load; one that gives up while waiting leaves the load to the others.
        cancellationToken.ThrowIfCancellationRequested();
        return await LoadOnceAsync(key).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Invalidate(string key)
    {
        Interlocked.Increment(ref _generation);
        _loading.TryRemove(key, out _);
        _entries.TryRemove(key, out _);
    }

    public void InvalidateWhere(Func<T, bool> predicate)
    {
        Interlocked.Increment(ref _generation);
        _loading.Clear();
        foreach (var (key, entry) in _entries)
        {
            if (predicate(entry.Value))
            {
                _entries.TryRemove(key, out _);
            }
        }
    }

    public void InvalidateAll()
    {
        Interlocked.Increment(ref _generation);
        _loading.Clear();
        _entries.Clear();
    }

    private Task<T> LoadOnceAsync(string key)
    {
        while (true)
        {
            if (_loading.TryGetValue(key, out var running))
            {
                return running;
            }

            var load = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_loading.TryAdd(key, load.Task))
            {
                _ = CompleteLoadAsync(key, load);
                return load.Task;
            }
        }
    }

    private async Task CompleteLoadAsync(string key, TaskCompletionSource<T> load)
    {
        var generation = Interlocked.Read(ref _generation);
        Interlocked.Increment(ref _loads);
        try
        {
            var value = await _load(key).ConfigureAwait(false);
            if (Interlocked.Read(ref _generation) == generation)
            {
                _entries[key] = new Entry(value, _time.GetUtcNow() + _lifetime(value));
            }

            load.SetResult(value);
        }
        catch (Exception ex)
        {
            // Handed to every caller waiting on this load, as a load of its own would have been.
            load.SetException(ex);
        }
        finally
        {
            _loading.TryRemove(new KeyValuePair<string, Task<T>>(key, load.Task));
        }
    }

    /// <summary>A background refresh of an entry that is being served past its time.</summary>
    private async Task RefreshAsync(string key)
    {
        try
        {
            await LoadOnceAsync(key).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is DbException or TimeoutException)
        {
            // The entry stays as it was: the next request past its time tries again, and once the grace is over,
            // requests wait for the load and see its error.
        }
    }

    private sealed record Entry(T Value, DateTimeOffset ValidUntil);
}
