using LlmPlatform.Application.Access.Enforcement;
using LlmPlatform.Infrastructure.Access.Limits;
using LlmPlatform.TestSupport;

namespace LlmPlatform.Infrastructure.Tests.Access;

/// <summary>The local side of limit leases: what a node may admit without asking Redis.</summary>
public sealed class LeaseBookTests
{
    private static readonly DateTimeOffset MinuteEnd = DateTimeOffset.UtcNow.AddMinutes(1);

    private readonly ShiftableTimeProvider _time = new();

    private static LimitCheck Rpm(long limit) =>
        new("r:k:a:1", LimitKind.Requests, limit, 1, 0, TimeSpan.FromMinutes(2)) { Scope = "key", ResetAt = MinuteEnd };

    private static LimitCheck Tpm(long limit) =>
        new("t:k:a:1", LimitKind.Tokens, limit, 0, 0, TimeSpan.FromMinutes(2)) { Scope = "key", ResetAt = MinuteEnd };

    private static LimitCheck Budget(long limit, long amount) =>
        new("b:k:a:all", LimitKind.Budget, limit, amount, 0, TimeSpan.FromDays(30)) { Scope = "key" };

    [Test]
    public void Granted_AfterTheSweepInterval_DropsTheLeasesOfWindowsThatAreOver_AndHandsTheirRestBack()
    {
        var time = new ShiftableTimeProvider();
        var book = new LeaseBook(time);
        var start = time.GetUtcNow();
        for (var minute = 0; minute < 5; minute++)
        {
            var check = new LimitCheck($"r:k:a:{minute}", LimitKind.Requests, 1000, 1, 0, TimeSpan.FromMinutes(2)) { Scope = "key", ResetAt = start.AddMinutes(minute + 1) };
            book.Granted([check], new LimitDecision(true, [1], -1), [10]);
        }

        book.Count.Should().Be(5);

        time.Advance(TimeSpan.FromMinutes(3.5));
        var current = new LimitCheck("r:k:a:9", LimitKind.Requests, 1000, 1, 0, TimeSpan.FromMinutes(2)) { Scope = "key", ResetAt = time.GetUtcNow().AddMinutes(1) };
        book.Granted([current], new LimitDecision(true, [1], -1), [10]);

        book.Count.Should().Be(3, "the leases of the three windows that ended were dropped; two windows and the new one remain");
        book.TakeHandBack().Should().HaveCount(3).And.OnlyContain(a => a.Delta == -10);
    }

    [Test]
    public void TryAdmit_WithoutALease_AsksRedis()
    {
        var book = new LeaseBook(_time);

        book.TryAdmit([Rpm(1000)], out _).Should().BeNull();
    }

    [Test]
    public void TryAdmit_SpendsTheLease_ThenAsksRedis_AndAsksForARefillAtHalf()
    {
        var book = new LeaseBook(_time);
        var check = Rpm(1000);
        book.Granted([check], new LimitDecision(true, [1], -1), [10]);

        var refills = 0;
        for (var i = 0; i < 10; i++)
        {
            var decision = book.TryAdmit([check], out var refill);
            decision.Should().NotBeNull($"request {i + 1} fits in the lease of 10");
            decision!.Values[0].Should().Be(2 + i, "the value counts this node's admissions");
            refills += refill ? 1 : 0;
        }

        refills.Should().Be(1, "one refill is asked for when the lease runs below half, not one per request");
        book.TryAdmit([check], out _).Should().BeNull("the lease is spent");
    }

    [Test]
    public void TryAdmit_WhenOneCheckHasNoLease_TakesNothingFromTheOthers()
    {
        var book = new LeaseBook(_time);
        var rpm = Rpm(1000);
        book.Granted([rpm], new LimitDecision(true, [1], -1), [1]);

        book.TryAdmit([rpm, Budget(1_000_000, 100)], out _).Should().BeNull();
        book.TryAdmit([rpm], out _).Should().NotBeNull("the request lease was not touched");
    }

    [Test]
    public void TryAdmit_WhenRedisWasNotHeardFromForASecond_StillAdmitsFromTheLease_AndAsksAgainOnce()
    {
        var book = new LeaseBook(_time);
        var rpm = Rpm(1000);
        var tpm = Tpm(100_000);
        book.Granted([rpm, tpm], new LimitDecision(true, [1, 0], -1), [20, 0]);
        book.TryAdmit([rpm, tpm], out var refill).Should().NotBeNull();
        refill.Should().BeFalse("Redis was heard from just now and the lease is full");

        _time.Advance(LeaseBook.Freshness + TimeSpan.FromMilliseconds(1));

        book.TryAdmit([rpm, tpm], out refill).Should().NotBeNull("what the lease holds is counted in Redis already");
        refill.Should().BeTrue("a stale lease is heard of again in the background");
        book.TryAdmit([rpm, tpm], out refill).Should().NotBeNull();
        refill.Should().BeFalse("one background request at a time");

        book.Granted([rpm, tpm], new LimitDecision(true, [21, 0], -1), [0, 0]);
        _time.Advance(LeaseBook.Freshness / 2);
        book.TryAdmit([rpm, tpm], out refill).Should().NotBeNull();
        refill.Should().BeFalse("the refill's answer made the lease fresh again");
    }

    [Test]
    public void Refused_RecordsTheValuesRedisRead_SoATokenCounterPastItsLimitStopsLocalAdmissions()
    {
        var book = new LeaseBook(_time);
        var tpm = Tpm(10_000);
        var rpm = Rpm(1000);
        book.Granted([tpm, rpm], new LimitDecision(true, [1_000, 1], -1), [0, 20]);
        _time.Advance(LeaseBook.Freshness + TimeSpan.FromMilliseconds(1));
        book.TryAdmit([tpm, rpm], out var refill).Should().NotBeNull();
        refill.Should().BeTrue();

        // Other nodes spent the tokens meanwhile: the background probe is refused by the token counter.
        book.Refused([tpm, rpm], new LimitDecision(false, [12_000, 0], 0));

        book.TryAdmit([tpm, rpm], out refill).Should().BeNull("the token counter is past its limit now");
        book.TryAdmit([rpm], out refill).Should().NotBeNull("the request lease still holds what it was granted");
        refill.Should().BeFalse("Redis was just heard from");
    }

    [Test]
    public void TryAdmit_WhenTheLimitChanged_HandsTheLeaseBack()
    {
        var book = new LeaseBook(_time);
        book.Granted([Rpm(1000)], new LimitDecision(true, [1], -1), [10]);
        book.TryAdmit([Rpm(500)], out _).Should().BeNull();

        book.TakeHandBack().Should().ContainSingle().Which.Delta.Should().Be(-10);
    }

    [Test]
    public void TryAdmit_WhenABudgetLeaseExpired_HandsItBack()
    {
        var book = new LeaseBook(_time);
        var budget = Budget(1_000_000, 100);
        book.Granted([budget], new LimitDecision(true, [100], -1), [800]);
        book.TryAdmit([budget], out _).Should().NotBeNull();
        book.TakeHandBack().Should().BeNull("nothing was dropped yet");

        _time.Advance(LeaseBook.BudgetLeaseLife);

        book.TryAdmit([budget], out _).Should().BeNull();
        book.TakeHandBack().Should().ContainSingle().Which.Delta.Should().Be(-700);
    }

    [Test]
    public void TryAdmit_Tokens_OnlyWhileUnderHalfTheLimit()
    {
        var book = new LeaseBook(_time);
        var tokens = Tpm(10_000);
        book.Granted([tokens], new LimitDecision(true, [4_000], -1), [0]);
        book.TryAdmit([tokens], out _).Should().NotBeNull();

        book.Settled([new LimitAdjustment(tokens.Key, LimitKind.Tokens, 1_500, tokens.Ttl)], [5_500]);

        book.TryAdmit([tokens], out _).Should().BeNull("past half the limit every request goes to Redis");
    }

    [Test]
    public void TryAdmit_ParallelRequests_AlwaysAskRedis()
    {
        var book = new LeaseBook(_time);
        var parallel = new LimitCheck("p:k:a", LimitKind.Parallel, 100, 1, 0, TimeSpan.FromMinutes(1)) { Scope = "key" };
        book.Granted([parallel], new LimitDecision(true, [1], -1), [0]);

        book.TryAdmit([parallel], out _).Should().BeNull();
    }

    [Test]
    public void Wanted_LeasesNothingForSmallLimits_SoftOnlyBudgets_OrTokens()
    {
        new LeaseBook(_time).Wanted([Rpm(10), Rpm(1_000), Rpm(100_000_000), Tpm(1_000_000), Budget(long.MaxValue, 100), Budget(1_000_000, 100)])
            .Should().Equal(0, 20, 256, 0, 0, 6_400); // a budget leases 64 reservations
    }

    [Test]
    public void Wanted_TopsUpWhatTheNodeStillHolds_NeverPilesOnTop()
    {
        var book = new LeaseBook(_time);
        book.Granted([Rpm(1_000), Budget(1_000_000, 100)], new LimitDecision(true, [1, 100], -1), [15, 6_400]);

        book.Wanted([Rpm(1_000), Budget(1_000_000, 100)]).Should().Equal(5, 0);

        book.Granted([Rpm(1_000)], new LimitDecision(true, [20], -1), [5]);
        book.Wanted([Rpm(1_000)]).Should().Equal([0L], "the node holds a whole lease");
        book.Wanted([Rpm(2_000)]).Should().Equal([40L], "a lease taken under another limit is dropped, not topped up");

        _time.Advance(TimeSpan.FromMinutes(2));
        book.Wanted([Rpm(1_000)]).Should().Equal([20L], "an expired lease is no longer held");
    }

    [Test]
    public void DropAll_HandsBackEveryUnusedLease()
    {
        var book = new LeaseBook(_time);
        book.Granted([Rpm(1000), Budget(1_000_000, 100)], new LimitDecision(true, [1, 100], -1), [10, 800]);

        book.DropAll();

        book.TakeHandBack()!.Select(a => a.Delta).Should().BeEquivalentTo([-10L, -800L]);
        book.TakeHandBack().Should().BeNull("what was taken is gone");
        book.TryAdmit([Rpm(1000)], out _).Should().BeNull();
    }
}
