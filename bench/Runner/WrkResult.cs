namespace LlmPlatform.Bench.Runner;

/// <summary>What one wrk run reported. Latencies in microseconds.</summary>
internal sealed record WrkResult
{
    public long Requests { get; init; }

    public double RequestsPerSecond { get; init; }

    public double P50Us { get; init; } = double.NaN;

    public double P99Us { get; init; } = double.NaN;

    public long Non2xx { get; init; }

    public long SocketErrors { get; init; }

    public static WrkResult Failed { get; } = new() { RequestsPerSecond = double.NaN };

    /// <summary>
    /// One result for several runs of the same cell: the median of each figure (taken separately), and the sums of
    /// the counts. A failed run counts as no figure.
    /// </summary>
    public static WrkResult MedianOf(IReadOnlyList<WrkResult> runs)
    {
        if (runs.Count == 1)
        {
            return runs[0];
        }

        var ok = runs.Where(r => r.Ok).ToList();
        if (ok.Count == 0)
        {
            return Failed;
        }

        return new WrkResult
        {
            Requests = runs.Sum(r => r.Requests),
            RequestsPerSecond = Median(ok.Select(r => r.RequestsPerSecond)),
            P50Us = Median(ok.Select(r => r.P50Us)),
            P99Us = Median(ok.Select(r => r.P99Us)),
            Non2xx = runs.Sum(r => r.Non2xx),
            SocketErrors = runs.Sum(r => r.SocketErrors),
        };
    }

    /// <summary>The middle value; the mean of the two middle ones for an even count.</summary>
    internal static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    public bool Ok => !double.IsNaN(RequestsPerSecond) && Requests > 0;
}
