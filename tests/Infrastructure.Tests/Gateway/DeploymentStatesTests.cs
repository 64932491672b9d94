using LlmPlatform.Domain.Catalog;
using LlmPlatform.Infrastructure.Gateway.Routing;

namespace LlmPlatform.Infrastructure.Tests.Gateway;

/// <summary>The router's per-deployment state: a user's own-key entries go once idle; shared deployments' entries stay.</summary>
public sealed class DeploymentStatesTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 12, 0, 30, TimeSpan.Zero);

    private readonly ModelDeployment _shared = ModelDeployment.Create("dep-1", "m", "openai/gpt-4o", new DeploymentSettings { ApiKey = "sk-platform" }, ModelPricing.Free);

    [Test]
    public void AnIdleUsersEntry_IsDropped_WhileTheSharedOne_AndABusyOrCoolingUsersEntry_Stay()
    {
        var states = new DeploymentStates();
        var idle = _shared.WithUserKey("sk-1", "user-1");
        var busy = _shared.WithUserKey("sk-2", "user-2");
        var cooling = _shared.WithUserKey("sk-3", "user-3");
        states.SweepIfDue(Start);
        foreach (var deployment in new[] { _shared, idle, busy, cooling })
        {
            states.Of(deployment).Started(Start);
            states.Of(deployment).Succeeded(Start, TimeSpan.FromMilliseconds(10), 5);
        }

        states.Of(busy).Started(Start);
        states.Of(cooling).Started(Start);
        states.Of(cooling).Failed(Start, allowedFails: 0, cooldown: TimeSpan.FromMinutes(10), coolNow: true);

        var later = Start + TimeSpan.FromMinutes(2);
        var idleState = states.Of(idle);
        states.SweepIfDue(later);

        states.Count.Should().Be(3, "only the idle user's entry goes");
        states.Of(idle).Should().NotBeSameAs(idleState, "it was dropped and starts afresh");
        states.Of(busy).InFlight.Should().Be(1);
        states.Of(cooling).IsCoolingDown(later).Should().BeTrue("a user's cooldown outlives the sweep");
    }

    [Test]
    public void AUsersEntryUsedLastMinute_IsKept_AndASweepRunsAtMostOncePerInterval()
    {
        var states = new DeploymentStates();
        var mine = _shared.WithUserKey("sk-1", "user-1");
        states.SweepIfDue(Start);
        states.Of(mine).Started(Start);
        states.Of(mine).Succeeded(Start, TimeSpan.FromMilliseconds(10), 5);

        states.SweepIfDue(Start + TimeSpan.FromSeconds(61));
        states.Count.Should().Be(1, "it was used in the minute before");

        states.SweepIfDue(Start + TimeSpan.FromSeconds(100));
        states.Count.Should().Be(1, "the next sweep is not due before a minute has passed");

        states.SweepIfDue(Start + TimeSpan.FromSeconds(122));
        states.Count.Should().Be(0);
    }
}
