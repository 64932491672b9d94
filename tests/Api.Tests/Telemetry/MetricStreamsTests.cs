using System.Diagnostics.Metrics;
using LlmPlatform.Api.Hosting;

namespace LlmPlatform.Api.Tests.Telemetry;

public sealed class MetricStreamsTests
{
    [TestCase("System.Runtime")]
    [TestCase("Microsoft.AspNetCore.Server.Kestrel")]
    public void Configure_RuntimeAndKestrelInstruments_GetTheSmallLimit(string meterName)
    {
        using var meter = new Meter(meterName);
        var instrument = meter.CreateCounter<long>("some.count");

        var stream = MetricStreams.Configure(instrument);

        stream.Should().NotBeNull();
        stream!.CardinalityLimit.Should().Be(MetricStreams.SmallCardinality);
        stream.Name.Should().BeNull("the view keeps the instrument's own name");
    }

    [TestCase("LlmPlatform.Gateway")]
    [TestCase("Microsoft.AspNetCore.Hosting")]
    public void Configure_InstrumentsGroupedByUserLabels_KeepTheDefault(string meterName)
    {
        using var meter = new Meter(meterName);
        var instrument = meter.CreateHistogram<double>("some.duration");

        MetricStreams.Configure(instrument).Should().BeNull();
    }
}
