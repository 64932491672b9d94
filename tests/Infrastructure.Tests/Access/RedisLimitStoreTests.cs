using LlmPlatform.Application.Access.Enforcement;
using LlmPlatform.Infrastructure.Access.Limits;
using LlmPlatform.Infrastructure.Redis;
using LlmPlatform.TestSupport;

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
        var nodeA = new RedisLimitStore(_redis.Multiplexer!, _prefix);
        var nodeB = new RedisLimitStore(_redis.Multiplexer!, _prefix);
        var check = new LimitCheck("r:k:abc:1", LimitKind.Requests, 50, 1, 0, TimeSpan.FromMinutes(1)) { Scope = "key" };

        var decisions = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => (i % 2 == 0 ? nodeA : nodeB).TryAdmitAsync([check])));

        decisions.Count(d => d.Admitted).Should().Be(50);
        decisions.Where(d => !d.Admitted).Should().OnlyContain(d => d.RefusedAt == 0 && d.Values[0] == 50);
    }

    [Test]
    public async Task TryAdmit_WhenOneCheckRefuses_BumpsNoCounter()
    {
        var store = new RedisLimitStore(_redis.Multiplexer!, _prefix);
        var open = new LimitCheck("r:k:open:1", LimitKind.Requests, 100, 1, 0, TimeSpan.FromMinutes(1)) { Scope = "key" };
        var full = new LimitCheck("b:t:full:all", LimitKind.Budget, 10, 5, 10, TimeSpan.FromMinutes(1)) { Scope = "team" };

        var refused = await store.TryAdmitAsync([open, full]);
        var alone = await store.TryAdmitAsync([open]);

        refused.Admitted.Should().BeFalse();
        refused.RefusedAt.Should().Be(1);
        alone.Values[0].Should().Be(1, "the refused request did not count");
    }

    [Test]
    public async Task Settle_CorrectsTheReservationToTheRealCost()
    {
        var store = new RedisLimitStore(_redis.Multiplexer!, _prefix);
        var budget = new LimitCheck("b:k:spend:all", LimitKind.Budget, 1_000, 300, 100, TimeSpan.FromMinutes(1)) { Scope = "key" };

        (await store.TryAdmitAsync([budget])).Values[0].Should().Be(400);
        var settled = await store.SettleAsync([new LimitAdjustment(budget.Key, LimitKind.Budget, 40 - 300, budget.Ttl)]);

        settled[0].Should().Be(140);
        await store.ResetAsync([budget.Key]);
        (await store.TryAdmitAsync([budget with { Amount = 0 }])).Values[0].Should().Be(100, "a reset counter starts again from its seed");
    }
}
