using System.Collections.Concurrent;

namespace LlmPlatform.Application.Gateway.Generate;

/// <summary>
/// Tracks this node's generations in memory (running ones until they end, ended ones for <see cref="Retention"/> and
/// at most <see cref="MaxEnded"/> of them) and records each in the <see cref="IGenerationDirectory"/>, so that a look-up
/// or a cancel sent to another node finds it too.
/// </summary>
internal sealed class GenerationTracker : IGenerationTracker
{
    public static readonly TimeSpan Retention = TimeSpan.FromMinutes(15);

    /// <summary>How long a running generation's record lasts if its node stops before it ends.</summary>
    public static readonly TimeSpan RunningRecordLifetime = TimeSpan.FromHours(2);

    public const int MaxEnded = 1000;

    /// <summary>How long a cancel sent to another node waits to see the generation end.</summary>
    public static readonly TimeSpan RemoteCancelWait = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan RemoteCancelPoll = TimeSpan.FromMilliseconds(20);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly IGenerationDirectory _directory;
    private readonly TimeProvider _time;

    public GenerationTracker(IGenerationDirectory directory, TimeProvider time)
    {
        _directory = directory;
        _time = time;
        directory.OnCancelRequested((requestId, owner) => CancelHere(requestId, owner));
    }

    public async Task<GenerationHandle> StartAsync(string requestId, string owner, string model, CancellationToken aborted)
    {
        Prune();
        var cancellation = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        for (var id = requestId; ; id = "req_" + Guid.NewGuid().ToString("N"))
        {
            var handle = new GenerationHandle(id, cancellation, End);
            var status = new GenerationStatus { RequestId = id, Status = GenerationStates.Running, Model = model, CreatedAt = _time.GetUtcNow() };
            if (_entries.TryAdd(id, new Entry(owner, handle, status)))
            {
                try
                {
                    await _directory.PublishAsync(new SharedGeneration(owner, status), RunningRecordLifetime, CancellationToken.None).ConfigureAwait(false);
                }
                finally
                {
                    handle.Recorded.TrySetResult();
                }

                return handle;
            }
        }
    }

    public async Task<GenerationStatus?> FindAsync(string requestId, string owner, CancellationToken cancellationToken)
    {
        // A request id comes from the client: here it may be another owner's, and this owner's may run on another node.
        if (_entries.TryGetValue(requestId, out var entry) && entry.Owner == owner)
        {
            return entry.Status;
        }

        var shared = await _directory.FindAsync(requestId, owner, cancellationToken).ConfigureAwait(false);
        return shared is not null && shared.Owner == owner ? shared.Status : null;
    }

    public async Task<CancelledGeneration?> CancelAsync(string requestId, string owner, CancellationToken cancellationToken)
    {
        if (_entries.TryGetValue(requestId, out var entry) && entry.Owner == owner)
        {
            return CancelHere(requestId, owner);
        }

        var shared = await _directory.FindAsync(requestId, owner, cancellationToken).ConfigureAwait(false);
        if (shared is null || shared.Owner != owner)
        {
            return null;
        }

        if (shared.Status.Status != GenerationStates.Running)
        {
            return new CancelledGeneration(requestId, false, shared.Status.Status);
        }

        // Another node runs it: ask it to cancel, and report what the record says once it has ended. A node that
        // stopped with it running cannot cancel it; its record then still says running.
        await _directory.RequestCancelAsync(requestId, owner, cancellationToken).ConfigureAwait(false);
        var waited = _time.GetTimestamp();
        while (shared.Status.Status == GenerationStates.Running && _time.GetElapsedTime(waited) < RemoteCancelWait)
        {
            await Task.Delay(RemoteCancelPoll, _time, cancellationToken).ConfigureAwait(false);
            shared = await _directory.FindAsync(requestId, owner, cancellationToken).ConfigureAwait(false) ?? shared;
        }

        return new CancelledGeneration(requestId, shared.Status.Status == GenerationStates.Cancelled, shared.Status.Status);
    }

    /// <summary>Cancels a generation this node runs; null when it has no such generation of the owner's.</summary>
    private CancelledGeneration? CancelHere(string requestId, string owner)
    {
        if (!_entries.TryGetValue(requestId, out var entry) || entry.Owner != owner)
        {
            return null;
        }

        if (entry.Status.Status != GenerationStates.Running)
        {
            return new CancelledGeneration(requestId, false, entry.Status.Status);
        }

        var cancelled = End(entry.Handle, GenerationStates.Cancelled, null);
        try
        {
            entry.Handle.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // It ended while being cancelled.
        }

        var now = _entries.TryGetValue(requestId, out var current) ? current.Status.Status : GenerationStates.Cancelled;
        return new CancelledGeneration(requestId, cancelled, now);
    }

    /// <returns>Whether this call ended it (the first end wins).</returns>
    private bool End(GenerationHandle handle, string state, string? error)
    {
        while (_entries.TryGetValue(handle.RequestId, out var entry) && entry.Status.Status == GenerationStates.Running)
        {
            var ended = entry with { Status = entry.Status with { Status = state, Error = error, CompletedAt = _time.GetUtcNow() } };
            if (_entries.TryUpdate(handle.RequestId, ended, entry))
            {
                // Not awaited: the end is recorded here at once, and for other nodes as soon as the store has it.
                _ = RecordEndAsync(handle, new SharedGeneration(ended.Owner, ended.Status));
                return true;
            }
        }

        return false;
    }

    /// <summary>Records an end after the start: a cancel that came while the start was being recorded is not overwritten by it.</summary>
    private async Task RecordEndAsync(GenerationHandle handle, SharedGeneration ended)
    {
        await handle.Recorded.Task.ConfigureAwait(false);
        await _directory.PublishAsync(ended, Retention, CancellationToken.None).ConfigureAwait(false);
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
