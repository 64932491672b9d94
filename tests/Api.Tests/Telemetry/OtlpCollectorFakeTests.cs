using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using LlmPlatform.FakeUpstream;

namespace LlmPlatform.Api.Tests.Telemetry;

/// <summary>The stand-in OTLP/HTTP collector the benchmark exports the gateway's telemetry to.</summary>
public sealed class OtlpCollectorFakeTests
{
    [Test]
    public async Task Exports_AreAcceptedAndCounted()
    {
        await using var collector = await FakeUpstreamServer.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(collector.BaseUrl + "/") };

        foreach (var (signal, size) in new[] { ("traces", 300), ("metrics", 120) })
        {
            using var body = new ByteArrayContent(new byte[size]);
            body.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
            using var response = await http.PostAsync("v1/" + signal, body);
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/x-protobuf");
        }

        using var received = JsonDocument.Parse(await http.GetStringAsync("otlp/received"));
        received.RootElement.GetProperty("exports").GetInt64().Should().Be(2);
        received.RootElement.GetProperty("bytes").GetInt64().Should().Be(420);
        received.RootElement.GetProperty("traces").GetInt64().Should().Be(1);
        received.RootElement.GetProperty("metrics").GetInt64().Should().Be(1);
        received.RootElement.GetProperty("logs").GetInt64().Should().Be(0);
    }
}
