using LlmPlatform.Application.Access.Enforcement;

namespace LlmPlatform.Application.Tests.Access;

public sealed class ScopeCounterNamesTests
{
    [Test]
    public void ScopeNames_AreTheCounterNamesAdmissionHasAlwaysUsed()
    {
        var names = ScopeCounterNames.For("team", "t-42");

        names.PerMinute(29_000_000).Should().Be(("r:t:t-42:29000000", "t:t:t-42:29000000"));
        names.Parallel.Should().Be("p:t:t-42");
        names.Budget.Should().Be(CounterKeys.Budget("team", "t-42"));
        names.OpenBudget.Should().Be(CounterKeys.OpenBudget("team", "t-42"));
        names.BudgetWindow(1_700_000_000).Should().Be("b:t:t-42:1700000000");
    }

    [Test]
    public void ModelNames_CarryTheKeyAndTheModel()
    {
        var names = ScopeCounterNames.ForModel("hash", "gpt-4o");

        names.PerMinute(7).Should().Be(("r:km:hash:gpt-4o:7", "t:km:hash:gpt-4o:7"));
        names.BudgetWindow(60).Should().Be("b:km:hash:gpt-4o:60");
        names.OpenBudget.Should().Be("b:km:hash:gpt-4o:all");
    }

    [Test]
    public void NextMinuteAndNextWindow_GetNamesOfTheirOwn_AndTheSameScopeSharesThem()
    {
        var names = ScopeCounterNames.For("key", "abc");
        var first = names.PerMinute(100);

        names.PerMinute(101).Requests.Should().Be("r:k:abc:101");
        names.PerMinute(100).Should().Be(first);
        names.BudgetWindow(10).Should().Be("b:k:abc:10");
        names.BudgetWindow(20).Should().Be("b:k:abc:20");
        ScopeCounterNames.For("key", "abc").Should().BeSameAs(names);
        ScopeCounterNames.For("user", "abc").Should().NotBeSameAs(names);
    }
}
