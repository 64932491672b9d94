namespace LlmPlatform.Application.Access.Enforcement;

/// <summary>Money in the counters: whole nano-USD, so sums are exact and fit Redis integers.</summary>
public static class Nanos
{
    private const decimal PerUsd = 1_000_000_000m;

    public static long FromUsd(decimal usd) => (long)Math.Round(usd * PerUsd, MidpointRounding.AwayFromZero);

    public static long FromUsdCeiling(decimal usd) => (long)Math.Ceiling(usd * PerUsd);

    public static decimal ToUsd(long nanos) => nanos / PerUsd;
}
