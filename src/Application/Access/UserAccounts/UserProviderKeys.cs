using System.Collections.Concurrent;
using LlmPlatform.Domain.Catalog;

namespace LlmPlatform.Application.Access.UserAccounts;

/// <summary>
/// Puts a caller's own provider keys on the deployments that take them (<see cref="ModelDeployment.TakesUserProviderKeys"/>),
/// so that the user's calls run on the user's key. The keys are read once per <see cref="Freshness"/> per user on each
/// node, and a change is dropped on every node at once through the access-change bus (within <see cref="Freshness"/>
/// when Redis cannot carry it); a request whose deployments take no user keys, or whose caller has no user, costs no
/// lookup.
/// </summary>
public sealed class UserProviderKeys
{
    /// <summary>How long a node uses a user's keys as it last read them, when no change reached it.</summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(30);

    private static readonly IReadOnlyDictionary<string, string> NoKeys = new Dictionary<string, string>(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, Entry> _cache = new(StringComparer.Ordinal);
    private readonly IProviderKeyStore _store;
    private readonly TimeProvider _time;
    private long _nextSweep;

    /// <summary>Counts the changes heard, so that a read that raced one is not kept (it may hold a deleted key).</summary>
    private long _changes;

    public UserProviderKeys(IProviderKeyStore store, TimeProvider time)
    {
        _store = store;
        _time = time;
    }

    /// <summary>The deployments with the user's key on each that takes one and whose provider the user has a key for; the list itself when none.</summary>
    public ValueTask<IReadOnlyList<ModelDeployment>> ApplyAsync(string? userId, IReadOnlyList<ModelDeployment> deployments, CancellationToken cancellationToken)
    {
        if (userId is not { Length: > 0 } || !AnyTakes(deployments))
        {
            return new(deployments);
        }

        var now = _time.GetUtcNow();
        return _cache.TryGetValue(userId, out var entry) && entry.Until > now
            ? new(Apply(userId, entry.Keys, deployments))
            : LoadAndApplyAsync(userId, deployments, now, cancellationToken);
    }

    /// <summary>Forgets what this node read of the user's keys (the user added or deleted one).</summary>
    public void Forget(string userId)
    {
        Interlocked.Increment(ref _changes);
        _cache.TryRemove(userId, out _);
    }

    /// <summary>Forgets what this node read of every user's keys.</summary>
    public void ForgetAll()
    {
        Interlocked.Increment(ref _changes);
        _cache.Clear();
    }

    private static bool AnyTakes(IReadOnlyList<ModelDeployment> deployments)
    {
        for (var i = 0; i < deployments.Count; i++)
        {
            if (deployments[i].TakesUserProviderKeys)
            {
                return true;
            }
        }

        return false;
    }

    private static IReadOnlyList<ModelDeployment> Apply(string userId, IReadOnlyDictionary<string, string> keys, IReadOnlyList<ModelDeployment> deployments)
    {
        if (keys.Count == 0)
        {
            return deployments;
        }

        ModelDeployment[]? replaced = null;
        for (var i = 0; i < deployments.Count; i++)
        {
            var deployment = deployments[i];
            if (deployment.TakesUserProviderKeys && keys.TryGetValue(deployment.Provider, out var key))
            {
                replaced ??= [.. deployments];
                replaced[i] = deployment.WithUserKey(key, userId);
            }
        }

        return replaced ?? deployments;
    }

    private async ValueTask<IReadOnlyList<ModelDeployment>> LoadAndApplyAsync(
        string userId,
        IReadOnlyList<ModelDeployment> deployments,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var changes = Interlocked.Read(ref _changes);
        var keys = await _store.SecretsAsync(userId, cancellationToken).ConfigureAwait(false);
        SweepExpired(now);
        var entry = new Entry(keys.Count == 0 ? NoKeys : keys, now + Freshness);
        _cache[userId] = entry;
        if (Interlocked.Read(ref _changes) != changes)
        {
            // A change was heard while the keys were read: they may be from before it, so they serve this request only.
            _cache.TryRemove(new KeyValuePair<string, Entry>(userId, entry));
        }

        return Apply(userId, keys, deployments);
    }

    /// <summary>Drops expired entries, at most once per <see cref="Freshness"/>, so users who stopped calling do not stay in memory.</summary>
    private void SweepExpired(DateTimeOffset now)
    {
        var ticks = now.UtcTicks;
        var next = Interlocked.Read(ref _nextSweep);
        if (ticks < next || Interlocked.CompareExchange(ref _nextSweep, ticks + Freshness.Ticks, next) != next)
        {
            return;
        }

        foreach (var (userId, entry) in _cache)
        {
            if (entry.Until <= now)
            {
                _cache.TryRemove(userId, out _);
            }
        }
    }

    private sealed record Entry(IReadOnlyDictionary<string, string> Keys, DateTimeOffset Until);
}
