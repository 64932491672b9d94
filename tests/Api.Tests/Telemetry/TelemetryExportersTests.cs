using System.Net;
using System.Text;
using System.Text.Json;
using LlmPlatform.Api.Hosting;
using LlmPlatform.FakeUpstream;
using LlmPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;

namespace LlmPlatform.Api.Tests.Telemetry;

/// <summary>OTEL_TRACES_EXPORTER and OTEL_METRICS_EXPORTER choose where telemetry goes; unset, nothing changes.</summary>
public sealed class TelemetryExportersTests
{
    [TestCase(null, null, null, false, false, true)]
    [TestCase("http://collector:4318", null, null, true, true, true)]
    [TestCase("http://collector:4318", "none", "otlp", false, true, false)]
    [TestCase(null, "otlp", "prometheus", true, false, true)]
    [TestCase("http://collector:4318", null, "none", true, false, false)]
    [TestCase(null, null, " OTLP , prometheus ", false, true, true)]
    public void From_ReadsTheStandardVariables(string? endpoint, string? traces, string? metrics, bool otlpTraces, bool otlpMetrics, bool prometheus)
    {
        var environment = new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = endpoint,
            ["OTEL_TRACES_EXPORTER"] = traces,
            ["OTEL_METRICS_EXPORTER"] = metrics,
        };

        TelemetryExporters.From(name => environment.GetValueOrDefault(name)).Should().Be(new TelemetryExporters(otlpTraces, otlpMetrics, prometheus));
    }

    [TestCase("OTEL_TRACES_EXPORTER", "zipkin")]
    [TestCase("OTEL_METRICS_EXPORTER", "otlp,prometeus")]
    public void From_WithAnUnknownExporter_FailsNamingTheVariable(string variable, string value)
    {
        var act = () => TelemetryExporters.From(name => name == variable ? value : null);

        act.Should().Throw<FormatException>().WithMessage($"{variable}: *");
    }

    [Test]
    public async Task MetricsOverOtlpOnly_ReachTheCollector_WithoutAPrometheusPage_OrTraces()
    {
        await using var collector = await FakeUpstreamServer.StartAsync();
        await using var api = await ApiServer.StartAsync(
            """
            model_list:
              - model_name: metered
                litellm_params:
                  model: mock/metered
            """,
            environment: new Dictionary<string, string?> { ["OTEL_METRICS_EXPORTER"] = "otlp", ["OTEL_TRACES_EXPORTER"] = "none" },
            configureServices: s =>
            {
                s.Configure<OtlpExporterOptions>(o =>
                {
                    o.Endpoint = new Uri(collector.BaseUrl + "/v1/metrics");
                    o.Protocol = OtlpExportProtocol.HttpProtobuf;
                });
                s.Configure<MetricReaderOptions>(o => o.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = 200);
            });

        using (var chat = await api.Client.PostAsync("v1/chat/completions", new StringContent("""{"model":"metered","messages":[{"role":"user","content":"x"}]}""", Encoding.UTF8, "application/json")))
        {
            chat.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        using var collectorClient = new HttpClient { BaseAddress = new Uri(collector.BaseUrl + "/") };
        var received = await ReceivedAsync(collectorClient);
        for (var i = 0; i < 50 && received.GetProperty("metrics").GetInt64() == 0; i++)
        {
            await Task.Delay(100);
            received = await ReceivedAsync(collectorClient);
        }

        received.GetProperty("metrics").GetInt64().Should().BeGreaterThan(0, "metrics go over OTLP");
        received.GetProperty("traces").GetInt64().Should().Be(0, "OTEL_TRACES_EXPORTER=none");
        using var page = await api.Client.GetAsync("metrics");
        page.StatusCode.Should().Be(HttpStatusCode.NotFound, "no Prometheus page was asked for");
    }

    private static async Task<JsonElement> ReceivedAsync(HttpClient collector)
    {
        using var document = JsonDocument.Parse(await collector.GetStringAsync("otlp/received"));
        return document.RootElement.Clone();
    }
}
