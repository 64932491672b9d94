using LlmPlatform.Application.Access.Enforcement;

namespace LlmPlatform.Infrastructure.Access.Limits;

/// <summary>The counters of one node, in memory: used without Redis, and for a request while Redis is failing.</summary>
internal sealed class InMemoryLimitStore : ILimitStore
{
    private readonly Dictionary<string, Counter> _counters = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private long _operations;

    public InMemoryLimitStore(TimeProvider time)
    {
        _time = time;
    }

    public ValueTask<LimitDecision> TryAdmitAsync(IReadOnlyList<LimitCheck> checks, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var values = new long[checks.Count];
        lock (_counters)
        {
            Sweep(now);
            var refusedAt = -1;
            for (var i = 0; i < checks.Count; i++)
            {
                // Every check is read, also past the one that refuses, so each reports its value (as in Redis).
                var check = checks[i];
                values[i] = Live(check.Key, now)?.Value ?? check.Seed;
                if (refusedAt < 0 && values[i] >= check.Limit)
                {
                    refusedAt = i;
                }
            }

            if (refusedAt >= 0)
            {
                return ValueTask.FromResult(new LimitDecision(false, values, refusedAt));
            }

            for (var i = 0; i < checks.Count; i++)
            {
                var check = checks[i];
                var counter = Live(check.Key, now);
                if (counter is null)
                {
                    counter = new Counter { Value = check.Seed, ExpiresAt = now + check.Ttl };
                    _counters[check.Key] = counter;
                }

                counter.Value += check.Amount;
                values[i] = counter.Value;
            }
        }

        return ValueTask.FromResult(new LimitDecision(true, values, -1));
    }

    public ValueTask<IReadOnlyList<long>> SettleAsync(IReadOnlyList<LimitAdjustment> adjustments, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var values = new long[adjustments.Count];
        lock (_counters)
        {
            for (var i = 0; i < adjustments.Count; i++)
            {
                var counter = Live(adjustments[i].Key, now);
                if (counter is null)
                {
                    continue;
                }

                counter.Value = Math.Max(0, counter.Value + adjustments[i].Delta);
                values[i] = counter.Value;
            }
        }

        return ValueTask.FromResult<IReadOnlyList<long>>(values);
    }

    public ValueTask ResetAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        lock (_counters)
        {
            foreach (var key in keys)
            {
                _counters.Remove(key);
            }
        }

        return ValueTask.CompletedTask;
    }

    private Counter? Live(string key, DateTimeOffset now)
    {
        if (_counters.TryGetValue(key, out var counter))
        {
            if (counter.ExpiresAt > now)
            {
                return counter;
            }

            _counters.Remove(key);
        }

        return null;
    }

    private void Sweep(DateTimeOffset now)
    {
        if (++_operations % 4096 != 0)
        {
            return;
        }

        foreach (var (key, counter) in _counters.ToList())
        {
            if (counter.ExpiresAt <= now)
            {
                _counters.Remove(key);
            }
        }
    }

    private sealed class Counter
    {
        public long Value { get; set; }

        public DateTimeOffset ExpiresAt { get; init; }
    }
}
