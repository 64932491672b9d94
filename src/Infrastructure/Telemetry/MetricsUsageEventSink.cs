using LlmPlatform.Application.Gateway;

namespace LlmPlatform.Infrastructure.Telemetry;

/// <summary>Records each request's metrics from its usage event, then passes the event on.</summary>
internal sealed class MetricsUsageEventSink : IUsageEventSink
{
    private readonly IUsageEventSink _inner;
    private readonly GatewayTelemetry _telemetry;

    public MetricsUsageEventSink(IUsageEventSink inner, GatewayTelemetry telemetry)
    {
        _inner = inner;
        _telemetry = telemetry;
    }

    public void Publish(UsageEvent usageEvent)
    {
        _telemetry.Record(usageEvent);
        _inner.Publish(usageEvent);
    }
}
