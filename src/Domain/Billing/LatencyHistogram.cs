namespace LlmPlatform.Domain.Billing;

/// <summary>
/// The latency histogram the usage roll-ups keep per bucket and model: <see cref="BucketCount"/> counts whose bucket
/// <c>i</c> holds the requests that took at most <c>1.25^i</c> milliseconds (and more than the bucket before). It must
/// match <c>latency_bucket</c> in the reports migration. A percentile is the upper bound of the bucket that holds it,
/// so it is at most 25 % above the exact value.
/// </summary>
public static class LatencyHistogram
{
    public const int BucketCount = 64;

    public const double Growth = 1.25;

    /// <summary>The upper bound of bucket <paramref name="index"/>, in milliseconds.</summary>
    public static double UpperBoundMs(int index) => Math.Pow(Growth, index);

    /// <summary>The bucket a request of <paramref name="milliseconds"/> falls in.</summary>
    public static int BucketOf(double milliseconds)
    {
        var raw = Math.Ceiling((Math.Log(Math.Max(milliseconds, 1)) / Math.Log(Growth)) - 1e-9);
        return (int)Math.Clamp(raw, 0, BucketCount - 1);
    }

    /// <summary>
    /// The <paramref name="quantile"/> (0 to 1) of the requests counted in <paramref name="counts"/>, in whole
    /// milliseconds; null when nothing was counted.
    /// </summary>
    public static long? Percentile(IReadOnlyList<long> counts, double quantile)
    {
        ArgumentNullException.ThrowIfNull(counts);
        long total = 0;
        foreach (var count in counts)
        {
            total += count;
        }

        if (total == 0)
        {
            return null;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(quantile * total));
        long seen = 0;
        for (var i = 0; i < counts.Count; i++)
        {
            seen += counts[i];
            if (seen >= rank)
            {
                return (long)Math.Round(UpperBoundMs(i), MidpointRounding.AwayFromZero);
            }
        }

        return (long)Math.Round(UpperBoundMs(counts.Count - 1), MidpointRounding.AwayFromZero);
    }
}
