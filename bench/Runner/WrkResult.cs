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

    public bool Ok => !double.IsNaN(RequestsPerSecond) && Requests > 0;
}
