using System.Collections.Concurrent;

namespace LlmPlatform.Application.Gateway.Generate;

/// <summary>
/// Tracks generations in memory, on this node only: running ones until they end, ended ones for
/// <see cref="Retention"/> (and at most <see cref="MaxEnded"/> of them), then they are forgotten.
/// </summary>
internal sealed class GenerationTracker : IGenerationTracker
{
    public static readonly TimeSpan Retention = TimeSpan.FromMinutes(15);

    public const int MaxEnded = 1000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public GenerationTracker(TimeProvider time)
    {
        _time = time;
    }

    public GenerationHandle Start(string requestId, string owner, string model, CancellationToken aborted)
    {
        Prune();
        var cancellation = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        for (var id = requestId; ; id = "req_" + Guid.NewGuid().ToString("N"))
        {
            var handle = new GenerationHandle(id, cancellation, End);
            var status = new GenerationStatus { RequestId = id, Status = GenerationStates.Running, Model = model, CreatedAt = _time.GetUtcNow() };
            if (_entries.TryAdd(id, new Entry(owner, handle, status)))
            {
                return handle;
            }
        }
    }

    public GenerationStatus? Find(string requestId, string owner) =>
        _entries.TryGetValue(requestId, out var entry) && entry.Owner == owner ? entry.Status : null;

    public CancelledGeneration? Cancel(string requestId, string owner)
    {
        if (!_entries.TryGetValue(requestId, out var entry) || entry.Owner != owner)
        {
            return null;
        }

        if (entry.Status.Status != GenerationStates.Running)
        {
            return new CancelledGeneration(requestId, false, entry.Status.Status);
        }

        End(entry.Handle, GenerationStates.Cancelled, null);
        try
        {
            entry.Handle.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // It ended while being cancelled.
        }

        return new CancelledGeneration(requestId, Find(requestId, owner)?.Status == GenerationStates.Cancelled, Find(requestId, owner)?.Status ?? GenerationStates.Cancelled);
    }

    private void End(GenerationHandle handle, string state, string? error)
    {
        while (_entries.TryGetValue(handle.RequestId, out var entry) && entry.Status.Status == GenerationStates.Running)
        {
            var ended = entry with { Status = entry.Status with { Status = state, Error = error, CompletedAt = _time.GetUtcNow() } };
            if (_entries.TryUpdate(handle.RequestId, ended, entry))
            {
                return;
            }
        }
    }

    private void Prune()
    {
        var now = _time.GetUtcNow();
        var ended = _entries.Where(e => e.Value.Status.CompletedAt is not null).ToList();
        var surplus = ended.Count - MaxEnded;
        foreach (var (id, entry) in ended.OrderBy(e => e.Value.Status.CompletedAt))
        {
            if (surplus-- > 0 || now - entry.Status.CompletedAt >= Retention)
            {
                _entries.TryRemove(id, out _);
            }
        }
    }

    private sealed record Entry(string Owner, GenerationHandle Handle, GenerationStatus Status);
}
