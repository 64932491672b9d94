using System.Text.Json.Serialization;

namespace LlmPlatform.Application.Billing.Reports;

/// <summary>
/// The latency percentiles of a <c>/usage</c> bucket in milliseconds, read from its histogram (the upper bound of the
/// histogram bucket holding the percentile, at most 25 % above the exact value); null when nothing was counted.
/// </summary>
public sealed record UsageLatency(
    [property: JsonPropertyName("p50_ms")] long? P50Ms,
    [property: JsonPropertyName("p95_ms")] long? P95Ms,
    [property: JsonPropertyName("p99_ms")] long? P99Ms);
