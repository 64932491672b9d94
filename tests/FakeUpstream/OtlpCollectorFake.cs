using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LlmPlatform.FakeUpstream;

/// <summary>
/// Stands in for an OpenTelemetry collector speaking OTLP over HTTP (protobuf): accepts every export of traces,
/// metrics and logs with an empty success answer, and counts what arrived, in all and per signal (<c>GET /otlp/received</c>), so a load test
/// can run a gateway's exporter as in production, against a collector that answers.
/// </summary>
internal sealed class OtlpCollectorFake
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> _bySignal = new(StringComparer.Ordinal);
    private long _exports;
    private long _bytes;

    public void Map(IEndpointRouteBuilder app)
    {
        foreach (var signal in new[] { "traces", "metrics", "logs" })
        {
            app.MapPost("/v1/" + signal, context => AcceptAsync(context, signal));
        }

        app.MapGet("/otlp/received", () => Results.Ok(new
        {
            exports = Interlocked.Read(ref _exports),
            bytes = Interlocked.Read(ref _bytes),
            traces = _bySignal.GetValueOrDefault("traces"),
            metrics = _bySignal.GetValueOrDefault("metrics"),
            logs = _bySignal.GetValueOrDefault("logs"),
        }));
    }

    private async Task AcceptAsync(HttpContext context, string signal)
    {
        var buffer = new byte[16 * 1024];
        long total = 0;
        int read;
        while ((read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted).ConfigureAwait(false)) > 0)
        {
            total += read;
        }

        Interlocked.Increment(ref _exports);
        _bySignal.AddOrUpdate(signal, 1, static (_, n) => n + 1);
        Interlocked.Add(ref _bytes, total);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/x-protobuf";
    }
}
