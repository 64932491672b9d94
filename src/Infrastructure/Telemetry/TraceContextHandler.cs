using System.Diagnostics;

namespace LlmPlatform.Infrastructure.Telemetry;

/// <summary>
/// Continues the current trace upstream: writes the current span's <c>traceparent</c> (and <c>tracestate</c>) on
/// every outgoing request. HttpClient's own propagation is switched off (see the API's project file), because it
/// would put an unrecorded span of its own between the gateway's attempt span and the upstream.
/// </summary>
internal sealed class TraceContextHandler : DelegatingHandler
{
    public TraceContextHandler(HttpMessageHandler inner)
        : base(inner)
    {
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Inject(request);
        return base.SendAsync(request, cancellationToken);
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Inject(request);
        return base.Send(request, cancellationToken);
    }

    internal static void Inject(HttpRequestMessage request)
    {
        if (Activity.Current is not { } current)
        {
            return;
        }

        DistributedContextPropagator.Current.Inject(current, request, static (carrier, name, value) =>
        {
            var headers = ((HttpRequestMessage)carrier!).Headers;
            headers.Remove(name);
            if (value is not null)
            {
                headers.TryAddWithoutValidation(name, value);
            }
        });
    }
}
