using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;

namespace LlmPlatform.Api.Hosting;

/// <summary>
/// How many label sets each metric stream keeps room for. The SDK's default (2,000) is preallocated per
/// instrument and per reader: with the Prometheus and the OTLP reader that is 140 KB of metric points and 30 KB
/// of index for each of the runtime's and Kestrel's ~25 instruments, about 9 MB held for label sets that come in
/// ones and twos (a GC generation, a CPU mode, a transport). The gateway's own instruments and ASP.NET Core's
/// request duration keep the default: their labels (model, key alias, team, route, status) are what users group by.
/// </summary>
internal static class MetricStreams
{
    /// <summary>Enough for any label set the runtime and Kestrel record (exception types included).</summary>
    public const int SmallCardinality = 100;

    private static readonly HashSet<string> FewLabelSets = new(StringComparer.Ordinal)
    {
        "System.Runtime",
        "Microsoft.AspNetCore.Server.Kestrel",
    };

    /// <summary>A view for <see cref="MeterProviderBuilderExtensions.AddView(MeterProviderBuilder, Func{Instrument, MetricStreamConfiguration?})"/>: null leaves an instrument as it is.</summary>
    public static MetricStreamConfiguration? Configure(Instrument instrument) =>
        FewLabelSets.Contains(instrument.Meter.Name)
            ? new MetricStreamConfiguration { CardinalityLimit = SmallCardinality }
            : null;
}
