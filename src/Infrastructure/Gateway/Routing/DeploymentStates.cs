using System.Collections.Concurrent;
using LlmPlatform.Domain.Catalog;

namespace LlmPlatform.Infrastructure.Gateway.Routing;

/// <summary>
/// The router's health and load state per <see cref="ModelDeployment.HealthKey"/>. A deployment running on a user's
/// own key has an entry per user, so these come and go with the users: once a minute, an entry of that kind that
/// has been idle (nothing in flight, no cooldown, unused for over a minute) is dropped.
/// </summary>
internal sealed class DeploymentStates
{
    public static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, DeploymentState> _states = new(StringComparer.Ordinal);
    private long _nextSweep;

    public int Count => _states.Count;

    public DeploymentState Of(ModelDeployment deployment) => _states.GetOrAdd(deployment.HealthKey, static _ => new DeploymentState());

    /// <summary>Drops idle per-user entries, at most once per <see cref="SweepInterval"/>; one comparison otherwise.</summary>
    public void SweepIfDue(DateTimeOffset now)
    {
        var due = Volatile.Read(ref _nextSweep);
        var ticks = now.UtcTicks;
        if (ticks < due || Interlocked.CompareExchange(ref _nextSweep, ticks + SweepInterval.Ticks, due) != due)
        {
            return;
        }

        foreach (var (key, state) in _states)
        {
            // A request that took this entry just before it goes counts on an orphan, and the next one starts afresh:
            // for a user idle over a minute, that loses nothing the routing needs.
            if (ModelDeployment.IsPerUserHealthKey(key) && state.IsIdle(now))
            {
                _states.TryRemove(new KeyValuePair<string, DeploymentState>(key, state));
            }
        }
    }
}
