using LlmPlatform.Infrastructure.Access;
using LlmPlatform.TestSupport;
using Npgsql;

namespace LlmPlatform.Infrastructure.Tests.Access;

/// <summary>
/// The cache in front of the key and end-user lookups, with a loader the test opens and closes: one load per entry
/// however many callers, a stale entry served while it refreshes, and invalidations that no load in flight undoes.
/// </summary>
public sealed class RefreshingCacheTests
{
    private static readonly TimeSpan Fresh = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Miss = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(60);

    [Test]
    public async Task CallersArrivingWhileALoadRuns_ShareIt()
    {
        var (cache, loader, _) = Create();

        var callers = Enumerable.Range(0, 20).Select(_ => cache.GetAsync("k", CancellationToken.None).AsTask()).ToList();
        loader.Pending.Should().Be(1);
        loader.Complete("k", new Value("v1"));

        (await Task.WhenAll(callers)).Should().OnlyContain(v => v.Text == "v1");
        cache.Loads.Should().Be(1);
        (await cache.GetAsync("k", CancellationToken.None)).Text.Should().Be("v1", "the entry is cached now");
        cache.Loads.Should().Be(1);
    }

    [Test]
    public async Task PastItsTime_AFoundEntryIsServedAtOnce_WhileOneRefreshRuns()
    {
        var (cache, loader, time) = Create();
        await LoadAsync(cache, loader, "k", new Value("old"));
        time.Advance(Fresh + TimeSpan.FromSeconds(1));

        var first = await cache.GetAsync("k", CancellationToken.None);
        var second = await cache.GetAsync("k", CancellationToken.None);

        first.Text.Should().Be("old");
        second.Text.Should().Be("old");
        loader.Pending.Should().Be(1, "the two stale reads share one refresh");
        loader.Complete("k", new Value("new"));
        (await Eventually.TrueAsync(async () => (await cache.GetAsync("k", CancellationToken.None)).Text == "new", TimeSpan.FromSeconds(5)))
            .Should().BeTrue("the refresh's value replaces the stale one");
        cache.Loads.Should().Be(2);
    }

    [Test]
    public async Task PastTheGrace_CallersWaitForTheLoad()
    {
        var (cache, loader, time) = Create();
        await LoadAsync(cache, loader, "k", new Value("old"));
        time.Advance(Fresh + Grace + TimeSpan.FromSeconds(1));

        var waiting = cache.GetAsync("k", CancellationToken.None).AsTask();

        waiting.IsCompleted.Should().BeFalse();
        loader.Complete("k", new Value("new"));
        (await waiting).Text.Should().Be("new");
    }

    [Test]
    public async Task AMissPastItsTime_IsNotServedStale()
    {
        var (cache, loader, time) = Create();
        await LoadAsync(cache, loader, "k", Value.None);
        time.Advance(Miss + TimeSpan.FromSeconds(1));

        var waiting = cache.GetAsync("k", CancellationToken.None).AsTask();

        waiting.IsCompleted.Should().BeFalse("a key that did not exist may exist now");
        loader.Complete("k", new Value("created"));
        (await waiting).Text.Should().Be("created");
    }

    [Test]
    public async Task AnInvalidationDuringALoad_KeepsWhatItReadOutOfTheCache_AndLaterCallersLoadAgain()
    {
        var (cache, loader, _) = Create();
        var early = cache.GetAsync("k", CancellationToken.None).AsTask();

        cache.Invalidate("k");
        var late = cache.GetAsync("k", CancellationToken.None).AsTask();
        loader.Pending.Should().Be(2, "the caller after the invalidation does not join the load from before it");
        loader.Complete("k", new Value("before"));
        loader.Complete("k", new Value("after"));

        (await early).Text.Should().Be("before");
        (await late).Text.Should().Be("after");
        (await cache.GetAsync("k", CancellationToken.None)).Text.Should().Be("after");
    }

    [Test]
    public async Task InvalidateWhere_DropsOnlyTheMatchingEntries()
    {
        var (cache, loader, _) = Create();
        await LoadAsync(cache, loader, "a", new Value("team-1"));
        await LoadAsync(cache, loader, "b", new Value("team-2"));

        cache.InvalidateWhere(v => v.Text == "team-1");

        (await cache.GetAsync("b", CancellationToken.None)).Text.Should().Be("team-2");
        var reloading = cache.GetAsync("a", CancellationToken.None).AsTask();
        reloading.IsCompleted.Should().BeFalse();
        loader.Complete("a", new Value("team-1b"));
        (await reloading).Text.Should().Be("team-1b");
    }

    [Test]
    public async Task AFailedLoad_ReachesEveryWaitingCaller_AndIsNotCached()
    {
        var (cache, loader, _) = Create();
        var one = cache.GetAsync("k", CancellationToken.None).AsTask();
        var two = cache.GetAsync("k", CancellationToken.None).AsTask();

        loader.Fail("k", new NpgsqlException("database down"));

        await FluentActions.Awaiting(() => one).Should().ThrowAsync<NpgsqlException>();
        await FluentActions.Awaiting(() => two).Should().ThrowAsync<NpgsqlException>();
        var retry = cache.GetAsync("k", CancellationToken.None).AsTask();
        loader.Complete("k", new Value("back"));
        (await retry).Text.Should().Be("back");
    }

    [Test]
    public async Task AFailedRefresh_LeavesTheStaleEntryInPlace()
    {
        var (cache, loader, time) = Create();
        await LoadAsync(cache, loader, "k", new Value("old"));
        time.Advance(Fresh + TimeSpan.FromSeconds(1));

        (await cache.GetAsync("k", CancellationToken.None)).Text.Should().Be("old");
        loader.Fail("k", new NpgsqlException("database down"));

        // Each stale read is answered from the entry; once the failed refresh is over, the next one starts another.
        (await Eventually.TrueAsync(async () => (await cache.GetAsync("k", CancellationToken.None)).Text == "old" && loader.Pending == 1, TimeSpan.FromSeconds(5)))
            .Should().BeTrue();
        cache.Loads.Should().Be(3);
    }

    [Test]
    public async Task ACallerThatGivesUp_DoesNotCancelTheLoadForTheOthers()
    {
        var (cache, loader, _) = Create();
        using var impatient = new CancellationTokenSource();
        var gaveUp = cache.GetAsync("k", impatient.Token).AsTask();
        var patient = cache.GetAsync("k", CancellationToken.None).AsTask();

        await impatient.CancelAsync();
        await FluentActions.Awaiting(() => gaveUp).Should().ThrowAsync<OperationCanceledException>();
        loader.Complete("k", new Value("v"));

        (await patient).Text.Should().Be("v");
    }

    private static (RefreshingCache<Value> Cache, GatedLoader Loader, ShiftableTimeProvider Time) Create()
    {
        var time = new ShiftableTimeProvider();
        var loader = new GatedLoader();
        var cache = new RefreshingCache<Value>(time, loader.LoadAsync, v => v.Text is null ? Miss : Fresh, v => v.Text is not null, Grace);
        return (cache, loader, time);
    }

    private static async Task LoadAsync(RefreshingCache<Value> cache, GatedLoader loader, string key, Value value)
    {
        var loading = cache.GetAsync(key, CancellationToken.None).AsTask();
        loader.Complete(key, value);
        await loading;
    }

    private sealed record Value(string? Text)
    {
        public static Value None { get; } = new((string?)null);
    }

    /// <summary>Loads that finish when the test says, in the order they started.</summary>
    private sealed class GatedLoader
    {
        private readonly List<(string Key, TaskCompletionSource<Value> Load)> _pending = [];

        public int Pending
        {
            get
            {
                lock (_pending)
                {
                    return _pending.Count;
                }
            }
        }

        public Task<Value> LoadAsync(string key)
        {
            var load = new TaskCompletionSource<Value>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_pending)
            {
                _pending.Add((key, load));
            }

            return load.Task;
        }

        public void Complete(string key, Value value) => Take(key).SetResult(value);

        public void Fail(string key, Exception error) => Take(key).SetException(error);

        private TaskCompletionSource<Value> Take(string key)
        {
            lock (_pending)
            {
                var index = _pending.FindIndex(p => p.Key == key);
                index.Should().BeGreaterThanOrEqualTo(0, $"a load of '{key}' should be running");
                var load = _pending[index].Load;
                _pending.RemoveAt(index);
                return load;
            }
        }
    }
}
