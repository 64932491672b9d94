using LlmPlatform.Domain.Access;

namespace LlmPlatform.Domain.Tests.Access;

public sealed class BudgetDurationTests
{
    [TestCase("30s", 30)]
    [TestCase("10m", 600)]
    [TestCase("1h", 3600)]
    [TestCase("30d", 2592000)]
    [TestCase("1w", 604800)]
    public void TryParse_WhenFixedLength_ReadsTheSeconds(string text, int seconds)
    {
        BudgetDuration.TryParse(text, out var duration).Should().BeTrue();
        duration!.FixedLength.Should().Be(TimeSpan.FromSeconds(seconds));
        duration.Months.Should().Be(0);
    }

    [TestCase("")]
    [TestCase("1y")]
    [TestCase("0d")]
    [TestCase("-1d")]
    [TestCase("d")]
    [TestCase("1.5h")]
    [TestCase("99999999999d")]
    public void TryParse_WhenNotADuration_Fails(string text) =>
        BudgetDuration.TryParse(text, out _).Should().BeFalse();

    [Test]
    public void Window_WhenHourly_StartsOnTheHourAndEndsAnHourLater()
    {
        var duration = BudgetDuration.Parse("1h");
        var now = new DateTimeOffset(2026, 3, 4, 10, 42, 7, TimeSpan.Zero);

        duration.WindowStart(now).Should().Be(new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero));
        duration.WindowEnd(now).Should().Be(new DateTimeOffset(2026, 3, 4, 11, 0, 0, TimeSpan.Zero));
    }

    [Test]
    public void Window_WhenMonthly_FollowsCalendarMonths()
    {
        var duration = BudgetDuration.Parse("1mo");
        var now = new DateTimeOffset(2026, 2, 15, 12, 0, 0, TimeSpan.Zero);

        duration.WindowStart(now).Should().Be(new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero));
        duration.WindowEnd(now).Should().Be(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
    }

    [Test]
    public void Window_WhenTimeMovesPastTheEnd_IsTheNextWindow()
    {
        var duration = BudgetDuration.Parse("30d");
        var now = DateTimeOffset.UtcNow;
        var end = duration.WindowEnd(now);

        duration.WindowStart(end).Should().Be(end);
        duration.WindowStart(end.AddTicks(-1)).Should().Be(duration.WindowStart(now));
    }
}
