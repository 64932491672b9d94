using LlmPlatform.Application.Access.Enforcement;

namespace LlmPlatform.Infrastructure.Access.Limits;

/// <summary>
/// Slices of Redis counters this node has taken in advance, so that a request far from its limits is admitted
/// without waiting for Redis.
/// </summary>
/// <remarks>
/// A lease is already counted in Redis (the admission script adds it to the counter), so the sum of every node's
/// admissions can never pass a limit: the worst a lease does is sit unused on one node while another is refused.
/// Redis grants a lease only while twice its size still fits under the limit, so near a limit every request goes
/// to Redis as before. Request counters lease a fiftieth of the limit (at most 256 requests), budgets 64
/// reservations: sized so that 64 requests at once seldom drain a lease before its refill is back. Token counters
/// cannot be leased (a request's tokens are known only afterwards) and are admitted locally only while the last
/// value Redis reported is under half the limit. Parallel-request counters always go to Redis.
/// <para>
/// A lease whose last word from Redis is older than <see cref="Freshness"/> still admits (what it holds is counted
/// already), and the admission asks Redis again in the background. A node that serves one request a second or
/// fewer thus never waits for Redis before the upstream call. What staleness can cost is bounded: a token counter
/// that other nodes pushed past its limit lets this node through the requests of one background round trip.
/// </para>
/// </remarks>
internal sealed class LeaseBook
{
    /// <summary>How old the last word from Redis about a counter may be before an admission asks again (in the background).</summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(1);

    /// <summary>How long an unused budget lease is kept before it is handed back.</summary>
    public static readonly TimeSpan BudgetLeaseLife = TimeSpan.FromSeconds(10);

    /// <summary>How often <see cref="Granted"/> drops the leases of counters whose window is over.</summary>
    public static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    private const long MaxRequestLease = 256;
    private const long BudgetLeaseReservations = 64;

    private readonly object _gate = new();
    private readonly Dictionary<string, Lease> _leases = new(StringComparer.Ordinal);
    private List<LimitAdjustment> _handBack = [];
    private int _handBackCount;
    private DateTimeOffset _lastSweep;
    private readonly TimeProvider _time;

    public LeaseBook(TimeProvider time)
    {
        _time = time;
        _lastSweep = time.GetUtcNow();
    }

    /// <summary>How many counters this node holds a lease of.</summary>
    internal int Count
    {
        get
        {
            lock (_gate)
            {
                return _leases.Count;
            }
        }
    }

    /// <summary>
    /// Admits the request from this node's leases when every check can be; otherwise takes nothing and returns null.
    /// <paramref name="refill"/> says whether a lease ran low or was not heard of for a while, and should be topped
    /// up and heard of again in the background. Leases that
    /// ran out of time or whose limit changed are dropped, to be handed back (<see cref="TakeHandBack"/>).
    /// </summary>
    public LimitDecision? TryAdmit(IReadOnlyList<LimitCheck> checks, out bool refill)
    {
        refill = false;
        var stale = false;
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            for (var i = 0; i < checks.Count; i++)
            {
                var check = checks[i];
                if (check.Kind == LimitKind.Parallel || !_leases.TryGetValue(check.Key, out var lease))
                {
                    return null;
                }

                if (!lease.Serves(check, now))
                {
                    Drop(check.Key, lease);
                    return null;
                }

                var used = lease.Known - lease.Left;
                var admits = check.Kind == LimitKind.Tokens
                    ? lease.Known < check.Limit / 2
                    : lease.Left >= check.Amount && used < check.Limit;
                if (!admits)
                {
                    return null;
                }

                stale |= now - lease.SyncedAt > Freshness && !lease.Refilling;
            }

            refill = stale;

            var values = new long[checks.Count];
            for (var i = 0; i < checks.Count; i++)
            {
                var check = checks[i];
                var lease = _leases[check.Key];
                if (check.Kind != LimitKind.Tokens)
                {
                    lease.Left -= check.Amount;
                    refill |= lease.Granted > 0 && lease.Left * 2 < lease.Granted && !lease.Refilling;
                }

                values[i] = lease.Known - lease.Left;
            }

            if (refill)
            {
                foreach (var check in checks)
                {
                    _leases[check.Key].Refilling = true;
                }
            }

            return new LimitDecision(true, values, -1);
        }
    }

    /// <summary>
    /// The lease to ask Redis for with each check (0: none): a lease's full size less what this node still holds of
    /// it, so that admissions that go to Redis anyway (a budget lease ran dry under a burst, say) top the others up
    /// instead of piling more onto them. What a node holds is counted in Redis and refuses other nodes' requests.
    /// </summary>
    public long[] Wanted(IReadOnlyList<LimitCheck> checks)
    {
        var wanted = new long[checks.Count];
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            for (var i = 0; i < checks.Count; i++)
            {
                var check = checks[i];
                var size = check.Kind switch
                {
                    LimitKind.Requests => Math.Clamp(check.Limit / 50, 0, MaxRequestLease),

                    // A budget with no maximum only watches a soft budget: a lease would make its alert fire early.
                    LimitKind.Budget when check.Limit != long.MaxValue && check.Amount > 0 => check.Amount * BudgetLeaseReservations,
                    _ => 0,
                };
                var held = _leases.TryGetValue(check.Key, out var lease) && lease.Serves(check, now) ? lease.Left : 0;
                wanted[i] = Math.Max(0, size - held);
            }
        }

        return wanted;
    }

    /// <summary>Records what Redis said about the counters of an admission (and the leases it granted).</summary>
    public void Granted(IReadOnlyList<LimitCheck> checks, LimitDecision decision, IReadOnlyList<long> granted)
    {
        if (!decision.Admitted)
        {
            return;
        }

        var now = _time.GetUtcNow();
        lock (_gate)
        {
            SweepExpired(now);
            for (var i = 0; i < checks.Count; i++)
            {
                var check = checks[i];
                if (check.Kind == LimitKind.Parallel)
                {
                    continue;
                }

                var expires = check.ResetAt ?? now + BudgetLeaseLife;
                if (!_leases.TryGetValue(check.Key, out var lease) || lease.Limit != check.Limit)
                {
                    if (lease is not null)
                    {
                        Drop(check.Key, lease);
                    }

                    lease = new Lease { Limit = check.Limit, Ttl = check.Ttl };
                    _leases[check.Key] = lease;
                }

                lease.Left += granted[i];
                lease.Known = decision.Values[i] + granted[i];
                lease.Granted = Math.Max(lease.Granted, granted[i]);
                lease.SyncedAt = now;
                lease.ExpiresAt = expires;
                lease.Refilling = false;
            }
        }
    }

    /// <summary>
    /// Records what Redis said when it refused a refill (a counter at its limit): the values it read, up to the
    /// refusing counter's, and that it was heard from, so that the next admissions do not ask again at once.
    /// </summary>
    public void Refused(IReadOnlyList<LimitCheck> checks, LimitDecision decision)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            for (var i = 0; i < checks.Count; i++)
            {
                if (_leases.TryGetValue(checks[i].Key, out var lease))
                {
                    if (i <= decision.RefusedAt)
                    {
                        lease.Known = decision.Values[i];
                    }

                    lease.SyncedAt = now;
                    lease.Refilling = false;
                }
            }
        }
    }

    /// <summary>Records a counter's value after a settlement.</summary>
    public void Settled(IReadOnlyList<LimitAdjustment> adjustments, IReadOnlyList<long> values)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            for (var i = 0; i < adjustments.Count; i++)
            {
                if (_leases.TryGetValue(adjustments[i].Key, out var lease))
                {
                    lease.Known = values[i];
                    lease.SyncedAt = now;
                }
            }
        }
    }

    /// <summary>Lets a refill that failed be tried again.</summary>
    public void RefillFailed(IReadOnlyList<LimitCheck> checks)
    {
        lock (_gate)
        {
            foreach (var check in checks)
            {
                if (_leases.TryGetValue(check.Key, out var lease))
                {
                    lease.Refilling = false;
                }
            }
        }
    }

    /// <summary>Forgets the leases of counters that were reset (their Redis counters are gone).</summary>
    public void Forget(IReadOnlyList<string> keys)
    {
        lock (_gate)
        {
            foreach (var key in keys)
            {
                _leases.Remove(key);
            }
        }
    }

    /// <summary>Drops every lease (at shutdown): all their unused parts are then waiting to be handed back.</summary>
    public void DropAll()
    {
        lock (_gate)
        {
            foreach (var (key, lease) in _leases.ToList())
            {
                Drop(key, lease);
            }
        }
    }

    /// <summary>The unused parts of dropped leases, to return to Redis; null when there are none (the usual case, no lock taken).</summary>
    public List<LimitAdjustment>? TakeHandBack()
    {
        if (Volatile.Read(ref _handBackCount) == 0)
        {
            return null;
        }

        lock (_gate)
        {
            var taken = _handBack;
            _handBack = [];
            _handBackCount = 0;
            return taken;
        }
    }

    /// <summary>
    /// Drops, once per <see cref="SweepInterval"/>, the leases that ran out of time. A windowed counter's key names its
    /// window (a rate limit's minute, say), so its lease is never looked up again once the window is over: without
    /// the sweep every key would leave one behind per window, for as long as the node runs.
    /// </summary>
    private void SweepExpired(DateTimeOffset now)
    {
        if (now - _lastSweep < SweepInterval)
        {
            return;
        }

        _lastSweep = now;
        List<KeyValuePair<string, Lease>>? expired = null;
        foreach (var entry in _leases)
        {
            if (entry.Value.ExpiresAt <= now)
            {
                (expired ??= []).Add(entry);
            }
        }

        foreach (var (key, lease) in expired ?? [])
        {
            Drop(key, lease);
        }
    }

    private void Drop(string key, Lease lease)
    {
        _leases.Remove(key);
        if (lease.Left > 0)
        {
            _handBack.Add(new LimitAdjustment(key, LimitKind.Budget, -lease.Left, lease.Ttl));
            Volatile.Write(ref _handBackCount, _handBack.Count);
        }
    }

    private sealed class Lease
    {
        public long Limit { get; init; }

        public TimeSpan Ttl { get; init; }

        /// <summary>What this node may still admit without asking.</summary>
        public long Left { get; set; }

        /// <summary>The largest lease granted, to know when the rest runs low.</summary>
        public long Granted { get; set; }

        /// <summary>The counter's value in Redis at the last sync, this node's whole lease included.</summary>
        public long Known { get; set; }

        public DateTimeOffset SyncedAt { get; set; }

        public DateTimeOffset ExpiresAt { get; set; }

        public bool Refilling { get; set; }

        /// <summary>Whether the lease may still admit for this check: not run out of time, taken under its limit.</summary>
        public bool Serves(LimitCheck check, DateTimeOffset now) => ExpiresAt > now && Limit == check.Limit;
    }
}
