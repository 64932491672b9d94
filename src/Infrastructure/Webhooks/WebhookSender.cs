using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace LlmPlatform.Infrastructure.Webhooks;

/// <summary>
/// Posts a delivery: the stored JSON body, signed, with a 10 s timeout, no redirects and no proxy. The connection
/// step resolves the host again and connects only to addresses the policy allows, so a DNS change after the webhook
/// was created cannot point it inside the deployment.
/// </summary>
internal sealed class WebhookSender : IDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly HttpClient _client;
    private readonly WebhookAllowList _allowList;
    private readonly TimeProvider _time;

    public WebhookSender(WebhookAllowList allowList, TimeProvider time)
    {
        _allowList = allowList;
        _time = time;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            ConnectTimeout = Timeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
            ConnectCallback = ConnectAsync,
        };
        _client = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
    }

    /// <summary>Sends the delivery, signed with <paramref name="secret"/>, with <paramref name="authorization"/> as its Authorization header when given.</summary>
    public async Task<DeliveryOutcome> SendAsync(DueDelivery delivery, string secret, string? authorization, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(delivery.Payload);
        var timestamp = _time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.UserAgent.ParseAdd("LlmPlatform-Webhooks/1.0");
        request.Headers.TryAddWithoutValidation(WebhookSignature.SignatureHeader, WebhookSignature.Sign(secret, timestamp, body));
        request.Headers.TryAddWithoutValidation(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation(WebhookSignature.EventHeader, delivery.EventType);
        request.Headers.TryAddWithoutValidation(WebhookSignature.DeliveryHeader, delivery.Id);
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            return new DeliveryOutcome(status, response.IsSuccessStatusCode ? null : $"the receiver answered {status}", Elapsed(watch));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new DeliveryOutcome(null, $"no answer within {Timeout.TotalSeconds:0} s", Elapsed(watch));
        }
        catch (HttpRequestException ex)
        {
            return new DeliveryOutcome(null, Describe(ex), Elapsed(watch));
        }
    }

    public void Dispose() => _client.Dispose();

    private static int Elapsed(Stopwatch watch) => (int)Math.Min(int.MaxValue, watch.ElapsedMilliseconds);

    private static string Describe(HttpRequestException ex)
    {
        for (Exception? inner = ex; inner is not null; inner = inner.InnerException)
        {
            if (inner is WebhookTargetRefusedException refused)
            {
                return refused.Message;
            }
        }

        return ex.InnerException is SocketException socket
            ? "connection failed: " + socket.SocketErrorCode
            : "request failed: " + ex.Message;
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = WebhookAllowList.Normalize(context.DnsEndPoint.Host);
        var port = context.DnsEndPoint.Port;
        var addresses = await WebhookUrlGuard.AddressesOfAsync(host, cancellationToken).ConfigureAwait(false);
        if (!_allowList.Allows(host, port))
        {
            foreach (var address in addresses)
            {
                if (WebhookAddressPolicy.Refusal(address) is { } why)
                {
                    throw new WebhookTargetRefusedException($"refused: {host} resolves to {address}, {why}, and is not in webhook_allowed_hosts");
                }
            }
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
