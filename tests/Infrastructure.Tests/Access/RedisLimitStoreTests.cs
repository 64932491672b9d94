using LlmPlatform.Application.Access.Enforcement;
using LlmPlatform.Infrastructure.Access.Limits;
using LlmPlatform.Infrastructure.Persistence;
using LlmPlatform.Infrastructure.Redis;
using LlmPlatform.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace LlmPlatform.Infrastructure.Tests.Access;

/// <summary>The Redis counters on a real Redis: two stores stand for two API nodes sharing one deployment prefix.</summary>
public sealed class RedisLimitStoreTests
{
    private RedisConnection _redis = null!;
    private string _prefix = null!;

    [OneTimeSetUp]
    public async Task ConnectAsync() => _redis = await RedisConnection.ConnectAsync(TestEnvironment.RedisUrl);

    [OneTimeTearDown]
    public async Task DisconnectAsync() => await _redis.DisposeAsync();

    [SetUp]
    public void NewPrefix() => _prefix = "{lp-test:" + Guid.NewGuid().ToString("N") + "}:";

    [Test]
    public async Task TryAdmit_FromTwoNodesInParallel_AdmitsExactlyTheLimit()
    {
        await using var nodeA = new RedisLimitStore(_redis.Multiplexer!, _prefix);
        await using var nodeB = new RedisLimitStore(_redis.Multiplexer!, _prefix);
        var check = new LimitCheck("r:k:abc:1", LimitKind.Requests, 50, 1, 0, TimeSpan.FromMinutes(1)) { Scope = "key" };

        var decisions = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => (i % 2 == 0 ? nodeA : nodeB).TryAdmitAsync([check])));

        decisions.Count(d => d.Admitted).Should().Be(50);
        decisions.Where(d => !d.Admitted).Should().OnlyContain(d => d.RefusedAt == 0 && d.Values[0] == 50);
    }

    [Test]
    public async Task Counters_LiveUnderTheDeploymentsPrefix_AndResetDeletesThem()
    {
        await using var store = new RedisLimitStore(_redis.Multiplexer!, _prefix);
        var check = new LimitCheck("r:k:prefixed:1", LimitKind.Requests, 100, 1, 0, TimeSpan.FromMinutes(1)) { Scope = "key" };
        var db = _redis.Multiplexer!.GetDatabase();

        await store.TryAdmitAsync([check]);

        ((long)await db.StringGetAsync(_prefix + check.Key)).Should().Be(1);
        (await db.KeyExistsAsync(check.Key)).Should().BeFalse("no counter may land outside the prefix");

        await store.ResetAsync([check.Key]);

        (await db.KeyExistsAsync(_prefix + check.Key)).Should().BeFalse();
    }

    [Test]
    public async Task TryAdmit_WhenOneCheckRefuses_BumpsNoCounter()
    {
        await using var store = new RedisLimitStore(_redis.Multiplexer!, _prefix);
        var open = new LimitCheck("r:k:open:1", LimitKind.Requests, 100, 1, 0, TimeSpan.FromMinutes(1)) { Scope = "key" };
        var full = new LimitCheck("b:t:full:all", LimitKind.Budget, 10, 5, 10, TimeSpan.FromMinutes(1)) { Scope = "team" };

        var refused = await store.TryAdmitAsync([open, full]);
        var alone = await store.TryAdmitAsync([open]);

        refused.Admitted.Should().BeFalse();
        refused.RefusedAt.Should().Be(1);
        alone.Values[0].Should().Be(1, "the refused request did not count");
    }

    [Test]
    public async Task TryAdmitLeasing_WhenAnEarlierCheckRefuses_AnswersForEveryCheck_AndTheCarriedSettlement()
    {
        // A key with an RPM and a TPM limit past its RPM: the refusing check is not the last one, and the script's
        // answer must still hold a value and a lease for every check, then the settlement it carried.
        await using var store = new RedisLimitStore(_redis.Multiplexer!, _prefix, TimeSpan.FromMinutes(5));
        var requests = new LimitCheck("r:k:both:1", LimitKind.Requests, 1, 1, 0, TimeSpan.FromMinutes(1)) { Scope = "key" };
        var tokens = new LimitCheck("t:k:both:1", LimitKind.Tokens, 1_000, 10, 0, TimeSpan.FromMinutes(1)) { Scope = "key" };
        (await store.TryAdmitLeasingAsync([requests, tokens], [0, 0])).Decision.Admitted.Should().BeTrue();
        var settlement = store.SettleAsync([new LimitAdjustment(tokens.Key, LimitKind.Tokens, -4, tokens.Ttl)]);

        var (decision, granted) = await store.TryAdmitLeasingAsync([requests, tokens], [0, 100]);

        decision.Admitted.Should().BeFalse();
        decision.RefusedAt.Should().Be(0);
        decision.Values.Should().Equal(1, 6);
        granted.Should().Equal(0, 0);
        (await settlement)[0].Should().Be(6, "the carried settlement gets its own counter value back");
    }

    [Test]
    public async Task Settle_CorrectsTheReservationToTheRealCost()
    {
        await using var store = new RedisLimitStore(_redis.Multiplexer!, _prefix);
        var budget = new LimitCheck("b:k:spend:all", LimitKind.Budget, 1_000, 300, 100, TimeSpan.FromMinutes(1)) { Scope = "key" };

        (await store.TryAdmitAsync([budget])).Values[0].Should().Be(400);
        var settled = await store.SettleAsync([new LimitAdjustment(budget.Key, LimitKind.Budget, 40 - 300, budget.Ttl)]);

        settled[0].Should().Be(140);
        await store.ResetAsync([budget.Key]);
        (await store.TryAdmitAsync([budget with { Amount = 0 }])).Values[0].Should().Be(100, "a reset counter starts again from its seed");
    }

    [Test]
    public async Task Settle_WhenAnAdmissionFollows_RidesOnItsRoundTrip_AndItSeesTheSettlement()
    {
        // A flush delay no test waits for: only the admission can carry the settlement.
        await using var store = new RedisLimitStore(_redis.Multiplexer!, _prefix, TimeSpan.FromMinutes(5));
        var budget = new LimitCheck("b:k:ride:all", LimitKind.Budget, 1_000, 300, 0, TimeSpan.FromMinutes(1)) { Scope = "key" };
        (await store.TryAdmitAsync([budget])).Values[0].Should().Be(300);

        var settling = store.SettleAsync([new LimitAdjustment(budget.Key, LimitKind.Budget, 50 - 300, budget.Ttl)]);
        settling.IsCompleted.Should().BeFalse("the settlement waits for a round trip");
        var next = await store.TryAdmitAsync([budget]);

        (await settling.WaitAsync(TimeSpan.FromSeconds(5)))[0].Should().Be(50);
        next.Values[0].Should().Be(350, "the settlement was applied before this admission's check");
        store.RoundTrips.Should().Be(2);
    }

    [Test]
    public async Task Settle_WhenNoAdmissionFollows_GoesAloneAfterTheFlushDelay()
    {
        await using var store = new RedisLimitStore(_redis.Multiplexer!, _prefix, TimeSpan.FromMilliseconds(20));
        var tokens = new LimitCheck("t:k:alone:1", LimitKind.Tokens, 10_000, 0, 0, TimeSpan.FromMinutes(1)) { Scope = "key" };
        var parallel = new LimitCheck("p:k:alone", LimitKind.Parallel, 5, 1, 0, TimeSpan.FromMinutes(1)) { Scope = "key" };
        await store.TryAdmitAsync([tokens, parallel]);

        var first = store.SettleAsync([new LimitAdjustment(tokens.Key, LimitKind.Tokens, 120, tokens.Ttl), new LimitAdjustment(parallel.Key, LimitKind.Parallel, -1, parallel.Ttl)]);
        var second = store.SettleAsync([new LimitAdjustment(tokens.Key, LimitKind.Tokens, 30, tokens.Ttl)]);

        (await first.WaitAsync(TimeSpan.FromSeconds(5))).Should().Equal(120, 0);
        (await second.WaitAsync(TimeSpan.FromSeconds(5))).Should().Equal([150], "each settlement sees the values right after its own increments");
        store.RoundTrips.Should().Be(2, "both queued settlements went in one script");
    }

    [Test]
    public async Task Settle_ManySettlementsOfTheSameCounters_SendEachCounterOnce_AndEachSeesItsOwnValue()
    {
        await using var store = new RedisLimitStore(_redis.Multiplexer!, _prefix, TimeSpan.FromMilliseconds(50));
        var tokens = new LimitCheck("t:k:merged:1", LimitKind.Tokens, 1_000_000, 0, 0, TimeSpan.FromMinutes(1)) { Scope = "key" };
        var budget = new LimitCheck("b:k:merged:all", LimitKind.Budget, 1_000_000, 1_000, 0, TimeSpan.FromMinutes(1)) { Scope = "key" };
        await store.TryAdmitAsync([tokens, budget]);
        var sentBefore = store.CountersSent;

        var settling = Enumerable.Range(1, 200)
            .Select(i => store.SettleAsync([new LimitAdjustment(tokens.Key, LimitKind.Tokens, i, tokens.Ttl), new LimitAdjustment(budget.Key, LimitKind.Budget, -1, budget.Ttl)]))
            .ToList();
        var values = await Task.WhenAll(settling).WaitAsync(TimeSpan.FromSeconds(5));

        store.CountersSent.Should().Be(sentBefore + 2, "200 settlements of two counters go as one increment per counter");
        for (var i = 0; i < values.Length; i++)
        {
            var n = i + 1;
            values[i].Should().Equal([n * (n + 1) / 2, 1_000 - n], "settlement {0} sees the counters right after its own increments", n);
        }

        var db = _redis.Multiplexer!.GetDatabase();
        ((long)await db.StringGetAsync(_prefix + tokens.Key)).Should().Be(200 * 201 / 2);
        ((long)await db.StringGetAsync(_prefix + budget.Key)).Should().Be(800);
    }

    [Test]
    public async Task Settle_OfAnExpiredCounter_LeavesItAlone_AndReadsZero()
    {
        await using var store = new RedisLimitStore(_redis.Multiplexer!, _prefix, TimeSpan.FromMilliseconds(20));
        var tokens = new LimitCheck("t:k:expired:1", LimitKind.Tokens, 1_000, 0, 0, TimeSpan.FromMinutes(1)) { Scope = "key" };

        var first = store.SettleAsync([new LimitAdjustment(tokens.Key, LimitKind.Tokens, -30, tokens.Ttl)]);
        var second = store.SettleAsync([new LimitAdjustment(tokens.Key, LimitKind.Tokens, 10, tokens.Ttl)]);

        (await first.WaitAsync(TimeSpan.FromSeconds(5))).Should().Equal([0]);
        (await second.WaitAsync(TimeSpan.FromSeconds(5))).Should().Equal([0]);
        (await _redis.Multiplexer!.GetDatabase().KeyExistsAsync(_prefix + tokens.Key)).Should().BeFalse();
    }

    [Test]
    public async Task Dispose_SendsWhatIsStillQueued()
    {
        var store = new RedisLimitStore(_redis.Multiplexer!, _prefix, TimeSpan.FromMinutes(5));
        var requests = new LimitCheck("r:k:dispose:1", LimitKind.Requests, 100, 1, 0, TimeSpan.FromMinutes(1)) { Scope = "key" };
        await store.TryAdmitAsync([requests]);
        var settling = store.SettleAsync([new LimitAdjustment(requests.Key, LimitKind.Requests, 4, requests.Ttl)]);

        await store.DisposeAsync();

        (await settling.WaitAsync(TimeSpan.FromSeconds(5)))[0].Should().Be(5);
    }

    [Test]
    public async Task TryAdmitLeasing_GrantsOnlyWhileTwiceTheLeaseFits_AndCountsItInRedis()
    {
        await using var store = new RedisLimitStore(_redis.Multiplexer!, _prefix);
        var check = new LimitCheck("r:k:lease:1", LimitKind.Requests, 100, 1, 0, TimeSpan.FromMinutes(1)) { Scope = "key" };

        var (first, granted) = await store.TryAdmitLeasingAsync([check], [40]);
        var (second, none) = await store.TryAdmitLeasingAsync([check], [40]);

        first.Values[0].Should().Be(1, "the value excludes the lease");
        granted[0].Should().Be(40);
        second.Values[0].Should().Be(42, "the first lease is counted in Redis");
        none[0].Should().Be(0, "42 + 2 x 40 passes the limit of 100");
    }

    [Test]
    public async Task StaleTokenLease_IsAdmittedOnce_ThenLearnsThatOtherNodesSpentTheLimit()
    {
        await using var nodes = new TwoNodes(_redis);
        var (nodeA, nodeB, time) = (nodes.A, nodes.B, nodes.Time);
        var tokens = new LimitCheck("t:k:" + Guid.NewGuid().ToString("N") + ":1", LimitKind.Tokens, 10_000, 0, 0, TimeSpan.FromMinutes(1)) { Scope = "key" };
        (await nodeA.TryAdmitAsync([tokens], CancellationToken.None)).Admitted.Should().BeTrue("the first admission goes to Redis");
        (await nodeB.TryAdmitAsync([tokens], CancellationToken.None)).Admitted.Should().BeTrue();

        // Node B's requests spend the whole limit; node A has not heard from Redis since.
        await nodeB.SettleAsync([new LimitAdjustment(tokens.Key, LimitKind.Tokens, 12_000, tokens.Ttl)], CancellationToken.None);
        time.Advance(LeaseBook.Freshness + TimeSpan.FromMilliseconds(1));

        (await nodeA.TryAdmitAsync([tokens], CancellationToken.None)).Admitted.Should().BeTrue("a stale counter under half its limit admits, and asks Redis again");
        var refused = false;
        for (var i = 0; i < 200 && !refused; i++)
        {
            await Task.Delay(10);
            refused = !(await nodeA.TryAdmitAsync([tokens], CancellationToken.None)).Admitted;
        }

        refused.Should().BeTrue("once Redis's answer is back, node A refuses like Redis");
    }

    [Test]
    public async Task Leases_FromTwoNodes_NeverLetMoreThanTheLimitThrough()
    {
        await using var nodes = new TwoNodes(_redis);
        var (nodeA, nodeB) = (nodes.A, nodes.B);
        var check = new LimitCheck("r:k:" + Guid.NewGuid().ToString("N") + ":1", LimitKind.Requests, 1_000, 1, 0, TimeSpan.FromMinutes(1)) { Scope = "key" };

        var admitted = 0;
        for (var i = 0; i < 1_500; i++)
        {
            var decision = await (i % 3 == 0 ? nodeA : nodeB).TryAdmitAsync([check], CancellationToken.None);
            admitted += decision.Admitted ? 1 : 0;
        }

        admitted.Should().BeLessThanOrEqualTo(1_000).And.BeGreaterThanOrEqualTo(1_000 - (2 * 2 * 20), "at most the leases left on the nodes go unused");
    }

    /// <summary>Two nodes' limit stores on the test Redis, with one clock.</summary>
    private sealed class TwoNodes : IAsyncDisposable
    {
        private readonly Npgsql.NpgsqlDataSource _dataSource = Npgsql.NpgsqlDataSource.Create(ConnectionStrings.ToNpgsql(TestEnvironment.DatabaseUrl));

        public TwoNodes(RedisConnection redis)
        {
            A = new LimitStore(redis, _dataSource, Time, NullLogger<LimitStore>.Instance);
            B = new LimitStore(redis, _dataSource, Time, NullLogger<LimitStore>.Instance);
        }

        public ShiftableTimeProvider Time { get; } = new();

        public LimitStore A { get; }

        public LimitStore B { get; }

        public async ValueTask DisposeAsync()
        {
            await A.DisposeAsync();
            await B.DisposeAsync();
            await _dataSource.DisposeAsync();
        }
    }
}
