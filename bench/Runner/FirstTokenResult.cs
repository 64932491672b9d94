namespace LlmPlatform.Bench.Runner;

/// <summary>One target's time to first token: its own percentiles, and those of its per-round difference to direct (NaN for direct).</summary>
internal sealed record FirstTokenResult(double P50Us, double P99Us, int Samples, double AddedP50Us, double AddedP99Us);
