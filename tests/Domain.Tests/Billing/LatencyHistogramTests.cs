using LlmPlatform.Domain.Billing;

namespace LlmPlatform.Domain.Tests.Billing;

public sealed class LatencyHistogramTests
{
    [TestCase(0.2, 0)]
    [TestCase(1, 0)]
    [TestCase(1.25, 1)]
    [TestCase(1.3, 2)]
    [TestCase(100, 21)]
    [TestCase(1e12, LatencyHistogram.BucketCount - 1)]
    public void BucketOf_PutsALatencyInTheFirstBucketWhoseBoundHoldsIt(double milliseconds, int expected)
    {
        LatencyHistogram.BucketOf(milliseconds).Should().Be(expected);
    }

    [TestCase(50)]
    [TestCase(333)]
    [TestCase(4500)]
    public void Percentile_OfOneRequest_IsWithinTwentyFivePercentAboveIt(double milliseconds)
    {
        var counts = new long[LatencyHistogram.BucketCount];
        counts[LatencyHistogram.BucketOf(milliseconds)] = 1;

        LatencyHistogram.Percentile(counts, 0.5).Should().BeInRange((long)milliseconds, (long)Math.Ceiling(milliseconds * 1.25));
    }

    [Test]
    public void Percentile_OfManyRequests_PicksTheBucketHoldingTheRank()
    {
        var counts = new long[LatencyHistogram.BucketCount];
        counts[LatencyHistogram.BucketOf(100)] = 90;
        counts[LatencyHistogram.BucketOf(1000)] = 9;
        counts[LatencyHistogram.BucketOf(10000)] = 1;

        LatencyHistogram.Percentile(counts, 0.50).Should().BeInRange(100, 125);
        LatencyHistogram.Percentile(counts, 0.95).Should().BeInRange(1000, 1250);
        LatencyHistogram.Percentile(counts, 0.99).Should().BeInRange(1000, 1250);
        LatencyHistogram.Percentile(counts, 1.0).Should().BeInRange(10000, 12500);
    }

    [Test]
    public void Percentile_OfNothing_IsNull()
    {
        LatencyHistogram.Percentile(new long[LatencyHistogram.BucketCount], 0.5).Should().BeNull();
    }
}
