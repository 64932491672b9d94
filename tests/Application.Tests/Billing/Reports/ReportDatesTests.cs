using LlmPlatform.Application.Billing.Reports;

namespace LlmPlatform.Application.Tests.Billing.Reports;

public sealed class ReportDatesTests
{
    [TestCase("2026-03-01", "2026-03-01")]
    [TestCase("2026-03-01T23:30:00Z", "2026-03-01")]
    [TestCase("2026-03-01T23:30:00-02:00", "2026-03-02")]
    [TestCase(" 2026-03-01 ", "2026-03-01")]
    public void TryParse_WhenADateOrTimestamp_ReadsItsUtcDay(string text, string expected)
    {
        ReportDates.TryParse(text, out var day).Should().BeTrue();
        day.Should().Be(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [TestCase("2026-13-01")]
    [TestCase("01/03/2026")]
    [TestCase("yesterday")]
    [TestCase("2026-03-01Tnoon")]
    public void TryParse_WhenNotADate_Fails(string text)
    {
        ReportDates.TryParse(text, out _).Should().BeFalse();
    }

    [Test]
    public void Period_WhenDatesAreMissing_DefaultsToTheDaysUpToToday()
    {
        var period = ReportDates.Period(null, null, new DateOnly(2026, 3, 31), 30);

        period.Should().Be(new ReportPeriod(new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 31)));
        period.Days.Should().Be(30);
    }

    [Test]
    public void InOrder_WhenTheEndIsBeforeTheStart_IsFalse()
    {
        ReportDates.InOrder("2026-03-02", "2026-03-01").Should().BeFalse();
        ReportDates.InOrder("2026-03-01", "2026-03-01").Should().BeTrue();
    }
}
