using System.Collections.Concurrent;
using LlmPlatform.Domain.Common;

namespace LlmPlatform.Infrastructure.Caching;

/// <summary>
/// The response cache in process memory, bounded by a number of entries: past the bound the expired entries go
/// first, then those closest to expiry, a tenth of the bound at a time.
/// </summary>
internal sealed class MemoryResponseCacheStore
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly int _capacity;
    private readonly Lock _evicting = new();

    public MemoryResponseCacheStore(TimeProvider time, int capacity)
    {
        _time = time;
        _capacity = Math.Max(1, capacity);
    }

    public int Count => _entries.Count;

    public byte[]? Get(string key)
    {
        if (!_entries.TryGetValue(key, out var entry))
        {
            return null;
        }

        if (entry.ExpiresAt <= _time.GetUtcNow())
        {
            _entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
            return null;
        }

        return entry.Value;
    }

    public void Set(string key, byte[] value, TimeSpan ttl)
    {
        _entries[key] = new Entry(value, _time.GetUtcNow() + ttl);
        if (_entries.Count > _capacity)
        {
            Evict();
        }
    }

    public long Delete(IReadOnlyList<string> keys)
    {
        var now = _time.GetUtcNow();
        var deleted = 0L;
        foreach (var key in keys)
        {
            if (_entries.TryRemove(key, out var entry) && entry.ExpiresAt > now)
            {
                deleted++;
            }
        }

        return deleted;
    }

    public long Flush()
    {
        var count = _entries.Count;
        _entries.Clear();
        return count;
    }

    public Result<bool> Ping() => true;

    private void Evict()
    {
        lock (_evicting)
        {
            if (_entries.Count <= _capacity)
            {
                return;
            }

            var now = _time.GetUtcNow();
            foreach (var (key, entry) in _entries)
            {
                if (entry.ExpiresAt <= now)
                {
                    _entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
                }
            }

            var excess = _entries.Count - _capacity + Math.Max(1, _capacity / 10);
            if (excess <= 0)
            {
                return;
            }

            foreach (var (key, entry) in _entries.OrderBy(e => e.Value.ExpiresAt).Take(excess).ToList())
            {
                _entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
            }
        }
    }

    private sealed record Entry(byte[] Value, DateTimeOffset ExpiresAt);
}
