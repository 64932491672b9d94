namespace LlmPlatform.Api.Hosting;

/// <summary>
/// Where traces and metrics go, from OpenTelemetry's standard variables: <c>OTEL_TRACES_EXPORTER</c> (<c>otlp</c>,
/// <c>none</c>) and <c>OTEL_METRICS_EXPORTER</c> (<c>otlp</c>, <c>prometheus</c>, <c>none</c>, or a comma-separated
/// list). Unset, traces and metrics go over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, and metrics are
/// always served at <c>/metrics</c> too. Each metrics exporter keeps its own copy of every metric, so choosing one
/// halves the work per request.
/// </summary>
internal sealed record TelemetryExporters(bool OtlpTraces, bool OtlpMetrics, bool Prometheus)
{
    private static readonly string[] TraceExporters = ["otlp", "none"];
    private static readonly string[] MetricExporters = ["otlp", "prometheus", "none"];

    /// <summary>Reads the variables; an exporter name it does not know is an error, so a typo never silently turns telemetry off.</summary>
    public static TelemetryExporters From(Func<string, string?> environment)
    {
        var otlpEndpoint = !string.IsNullOrEmpty(environment("OTEL_EXPORTER_OTLP_ENDPOINT"));
        var traces = Names(environment, "OTEL_TRACES_EXPORTER", TraceExporters);
        var metrics = Names(environment, "OTEL_METRICS_EXPORTER", MetricExporters);
        return new TelemetryExporters(
            traces?.Contains("otlp") ?? otlpEndpoint,
            metrics?.Contains("otlp") ?? otlpEndpoint,
            metrics?.Contains("prometheus") ?? true);
    }

    private static HashSet<string>? Names(Func<string, string?> environment, string variable, string[] known)
    {
        if (environment(variable) is not { Length: > 0 } value)
        {
            return null;
        }

        var names = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(n => n.ToLowerInvariant())
            .ToHashSet(StringComparer.Ordinal);
        if (names.FirstOrDefault(n => !known.Contains(n)) is { } unknown)
        {
            throw new FormatException($"{variable}: '{unknown}' is not an exporter this gateway has; use {string.Join(", ", known)}.");
        }

        return names;
    }
}
