using System.Collections.Concurrent;
using System.Globalization;
using LlmPlatform.Application.Access.Enforcement;
using StackExchange.Redis;
using StackExchange.Redis.KeyspaceIsolation;

namespace LlmPlatform.Infrastructure.Access.Limits;

/// <summary>
/// The counters in Redis, shared by every node: one script checks every counter of a request and, only when all
/// pass, bumps them, so the decision is atomic and a refused request consumes nothing.
/// </summary>
/// <remarks>
/// Settlements do not get a round trip of their own when traffic keeps coming: they wait in a queue and ride on the
/// next admission's script, applied before its checks (so that admission already sees them). A settlement that no
/// admission picks up within the flush delay (<see cref="DefaultFlushDelay"/>) is sent alone. Every settlement still gets the counter values
/// right after its own increments, in order, as if it had been sent by itself.
/// </remarks>
internal sealed class RedisLimitStore : IAsyncDisposable
{
    /// <summary>How long a settlement waits, by default, for an admission to carry it before it is sent by itself.</summary>
    internal static readonly TimeSpan DefaultFlushDelay = TimeSpan.FromMilliseconds(20);

    private const int MaxCarried = 512;

    /// <summary>What an admission carries when no settlement waits (shared, never written to).</summary>
    private static readonly List<PendingSettlement> NothingCarried = [];

    // KEYS: the settled counters, then the checked ones. ARGV[1]: how many settled counters; then one delta per
    // settled counter; then five values per check (limit, amount, seed, ttl in ms, lease wanted). Returns admitted,
    // the index of the first refusing check (-1), each check's value (every check is read, also past a refusing one,
    // so that each has its value and the reply its full length), each check's lease granted, then each settled
    // counter's value after its increment, before a negative one is stored as 0 (nil: the counter had expired and
    // is left alone). A lease is granted only to an admitted request and only while twice
    // the lease still fits under the limit, so leases never let a counter pass its limit.
    private const string AdmitScript = """
        local s = tonumber(ARGV[1])
        local settled = {}
        for i = 1, s do
          settled[i] = false
          if redis.call('EXISTS', KEYS[i]) == 1 then
            local value = redis.call('INCRBY', KEYS[i], ARGV[i + 1])
            if value < 0 then
              redis.call('SET', KEYS[i], 0, 'KEEPTTL')
            end
            settled[i] = value
          end
        end
        local n = #KEYS - s
        local at = s + 2
        local values = {}
        local granted = {}
        local out = {1, -1}
        for i = 1, n do
          granted[i] = 0
          local base = at + (i - 1) * 5
          local current = redis.call('GET', KEYS[s + i])
          if current then current = tonumber(current) else current = tonumber(ARGV[base + 2]) end
          values[i] = current
          if out[1] == 1 and current >= tonumber(ARGV[base]) then
            out = {0, i - 1}
          end
        end
        if out[1] == 1 then
          for i = 1, n do
            local base = at + (i - 1) * 5
            if redis.call('EXISTS', KEYS[s + i]) == 0 then
              redis.call('SET', KEYS[s + i], values[i], 'PX', ARGV[base + 3])
            end
            local amount = tonumber(ARGV[base + 1])
            if amount ~= 0 then values[i] = redis.call('INCRBY', KEYS[s + i], amount) end
            local want = tonumber(ARGV[base + 4])
            if want > 0 and values[i] + 2 * want <= tonumber(ARGV[base]) then
              redis.call('INCRBY', KEYS[s + i], want)
              granted[i] = want
            end
          end
        end
        for i = 1, n do out[i + 2] = values[i] end
        for i = 1, n do out[n + 2 + i] = granted[i] end
        for i = 1, s do out[2 * n + 2 + i] = settled[i] end
        return out
        """;

    /// <summary>The database with this deployment's key prefix, which the client adds as bytes (no string per key).</summary>
    private readonly IDatabase _db;
    private readonly ConcurrentQueue<PendingSettlement> _pending = new();
    private readonly SemaphoreSlim _wake = new(0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _flusher;
    private readonly TimeSpan _flushDelay;
    private long _roundTrips;
    private long _countersSent;

    public RedisLimitStore(IConnectionMultiplexer redis, string prefix, TimeSpan? flushDelay = null)
    {
        _db = redis.GetDatabase().WithKeyPrefix(prefix);
        _flushDelay = flushDelay ?? DefaultFlushDelay;
        _flusher = Task.Run(FlushLoopAsync);
    }

    /// <summary>Scripts sent to Redis so far (admissions, and settlements that went alone).</summary>
    internal long RoundTrips => Interlocked.Read(ref _roundTrips);

    /// <summary>Counters named in the scripts sent so far (settled and checked).</summary>
    internal long CountersSent => Interlocked.Read(ref _countersSent);

    public async Task<LimitDecision> TryAdmitAsync(IReadOnlyList<LimitCheck> checks) => (await RunAsync(Drain(), checks, null).ConfigureAwait(false)).Decision;

    /// <summary>Admits like <see cref="TryAdmitAsync"/> and asks for a lease per check (0: none); returns what was granted.</summary>
    public Task<(LimitDecision Decision, long[] Granted)> TryAdmitLeasingAsync(IReadOnlyList<LimitCheck> checks, IReadOnlyList<long> wanted) =>
        RunAsync(Drain(), checks, wanted);

    private async Task<(LimitDecision Decision, long[] Granted)> RunAsync(List<PendingSettlement> carried, IReadOnlyList<LimitCheck> checks, IReadOnlyList<long>? wanted)
    {
        var merged = Merge(carried);
        var settledKeys = merged.Keys.Count;
        var keys = new RedisKey[settledKeys + checks.Count];
        var args = new RedisValue[1 + settledKeys + (checks.Count * 5)];
        args[0] = settledKeys;
        for (var k = 0; k < settledKeys; k++)
        {
            keys[k] = merged.Keys[k];
            args[1 + k] = merged.Deltas[k];
        }

        for (var i = 0; i < checks.Count; i++)
        {
            var check = checks[i];
            var at = 1 + settledKeys + (i * 5);
            keys[settledKeys + i] = check.Key;
            args[at] = check.Limit.ToString(CultureInfo.InvariantCulture);
            args[at + 1] = check.Amount;
            args[at + 2] = check.Seed;
            args[at + 3] = Math.Max(1000, (long)check.Ttl.TotalMilliseconds);
            args[at + 4] = wanted is null ? 0 : wanted[i];
        }

        RedisResult[] result;
        try
        {
            result = await EvaluateAsync(keys, args).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            foreach (var settlement in carried)
            {
                settlement.Completion.TrySetException(ex);
            }

            throw;
        }

        var values = new long[checks.Count];
        var granted = new long[checks.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (long)result[i + 2];
            granted[i] = (long)result[checks.Count + i + 2];
        }

        Complete(carried, merged, result, 2 + (2 * checks.Count));
        return (new LimitDecision((long)result[0] == 1, values, (int)(long)result[1]), granted);
    }

    public Task ResetAsync(IReadOnlyList<string> keys) =>
        _db.KeyDeleteAsync(keys.Select(k => (RedisKey)k).ToArray());

    /// <summary>Queues the corrections for the next admission (or the flusher) and returns each counter's new value.</summary>
    public Task<IReadOnlyList<long>> SettleAsync(IReadOnlyList<LimitAdjustment> adjustments)
    {
        var settlement = new PendingSettlement(adjustments);
        _pending.Enqueue(settlement);
        _wake.Release();
        return settlement.Completion.Task;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _flusher.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        await FlushAsync().ConfigureAwait(false);
        _stopping.Dispose();
        _wake.Dispose();
    }

    private async Task FlushLoopAsync()
    {
        var token = _stopping.Token;
        while (!token.IsCancellationRequested)
        {
            await _wake.WaitAsync(token).ConfigureAwait(false);
            await Task.Delay(_flushDelay, token).ConfigureAwait(false);

            // Everything queued so far goes in the next script; the permits its items released are spent.
            while (_wake.CurrentCount > 0)
            {
                await _wake.WaitAsync(token).ConfigureAwait(false);
            }

            await FlushAsync().ConfigureAwait(false);
        }
    }

    private async Task FlushAsync()
    {
        while (!_pending.IsEmpty)
        {
            var carried = Drain();
            if (carried.Count == 0)
            {
                return;
            }

            try
            {
                await RunAsync(carried, [], null).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
            {
                // The settlements carry the failure to their callers, which log it.
            }
        }
    }

    private List<PendingSettlement> Drain()
    {
        if (_pending.IsEmpty)
        {
            return NothingCarried;
        }

        var carried = new List<PendingSettlement>();
        while (carried.Count < MaxCarried && _pending.TryDequeue(out var settlement))
        {
            carried.Add(settlement);
        }

        return carried;
    }

    private async Task<RedisResult[]> EvaluateAsync(RedisKey[] keys, RedisValue[] args)
    {
        Interlocked.Increment(ref _roundTrips);
        Interlocked.Add(ref _countersSent, keys.Length);
        return (RedisResult[])(await _db.ScriptEvaluateAsync(AdmitScript, keys, args).ConfigureAwait(false))!;
    }

    /// <summary>
    /// One increment per counter, however many of the carried settlements touch it: under load most of them settle
    /// the same few counters (a key's tokens and budget), so the script and its reply stay a few counters long.
    /// </summary>
    private static MergedSettlements Merge(List<PendingSettlement> carried)
    {
        if (carried.Count == 0)
        {
            return MergedSettlements.None;
        }

        var merged = new MergedSettlements();
        foreach (var settlement in carried)
        {
            foreach (var adjustment in settlement.Adjustments)
            {
                if (!merged.Index.TryGetValue(adjustment.Key, out var at))
                {
                    at = merged.Keys.Count;
                    merged.Index.Add(adjustment.Key, at);
                    merged.Keys.Add(adjustment.Key);
                    merged.Deltas.Add(0);
                }

                merged.Deltas[at] += adjustment.Delta;
            }
        }

        return merged;
    }

    /// <summary>
    /// Gives each settlement the values its counters had right after its own increments, as if the settlements had
    /// been applied one by one in order: the value before the script, plus the increments up to and including its own
    /// (never below 0). A counter the script found expired reads 0 for each, as the script leaves it alone.
    /// </summary>
    private static void Complete(List<PendingSettlement> carried, MergedSettlements merged, RedisResult[] result, int offset)
    {
        if (carried.Count == 0)
        {
            return;
        }

        var running = new long[merged.Keys.Count];
        var gone = new bool[merged.Keys.Count];
        for (var k = 0; k < running.Length; k++)
        {
            gone[k] = result[offset + k].IsNull;
            running[k] = gone[k] ? 0 : (long)result[offset + k] - merged.Deltas[k];
        }

        foreach (var settlement in carried)
        {
            var values = new long[settlement.Adjustments.Count];
            for (var i = 0; i < values.Length; i++)
            {
                var adjustment = settlement.Adjustments[i];
                var at = merged.Index[adjustment.Key];
                running[at] += gone[at] ? 0 : adjustment.Delta;
                values[i] = Math.Max(0, running[at]);
            }

            settlement.Completion.TrySetResult(values);
        }
    }

    private sealed class MergedSettlements
    {
        public static readonly MergedSettlements None = new();

        public Dictionary<string, int> Index { get; } = new(StringComparer.Ordinal);

        public List<string> Keys { get; } = [];

        public List<long> Deltas { get; } = [];
    }

    private sealed record PendingSettlement(IReadOnlyList<LimitAdjustment> Adjustments)
    {
        public TaskCompletionSource<IReadOnlyList<long>> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
