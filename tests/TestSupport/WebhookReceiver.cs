using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LlmPlatform.TestSupport;

/// <summary>
/// A webhook endpoint for tests on 127.0.0.1 (a real Kestrel port): records every request, answers 500 to the
/// first <see cref="FailFirst"/> ones (or all while <see cref="FailAll"/>), and verifies signatures independently.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<ReceivedWebhook> _received = [];
    private readonly object _gate = new();
    private int _failuresLeft;

    private WebhookReceiver(WebApplication app)
    {
        _app = app;
    }

    public Uri BaseUri { get; private set; } = null!;

    public int Port => BaseUri.Port;

    /// <summary>The URL to register: <c>http://127.0.0.1:PORT/hook</c>.</summary>
    public string Url => new Uri(BaseUri, "hook").ToString();

    /// <summary>Answer 500 to this many of the next requests.</summary>
    public int FailFirst
    {
        get => Volatile.Read(ref _failuresLeft);
        set => Volatile.Write(ref _failuresLeft, value);
    }

    /// <summary>Answer 500 to every request while set.</summary>
    public bool FailAll { get; set; }

    public IReadOnlyList<ReceivedWebhook> Received
    {
        get
        {
            lock (_gate)
            {
                return _received.ToList();
            }
        }
    }

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hook", receiver.HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.BaseUri = new Uri(address.TrimEnd('/') + "/");
        return receiver;
    }

    /// <summary>Waits until the recorded requests satisfy <paramref name="condition"/>; fails the test after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<ReceivedWebhook>> WaitForAsync(Func<IReadOnlyList<ReceivedWebhook>, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var received = Received;
            if (condition(received))
            {
                return received;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"The webhook receiver got {received.Count} request(s), not what the test waited for, within {timeout.TotalSeconds:0} s.");
            }

            await Task.Delay(50).ConfigureAwait(false);
        }
    }

    /// <summary>Whether the request carries a valid signature for <paramref name="secret"/>: hex HMAC-SHA256 of "timestamp.body".</summary>
    public static bool HasValidSignature(ReceivedWebhook request, string secret)
    {
        var timestamp = request.Header("x-llmplatform-timestamp");
        var signature = request.Header("x-llmplatform-signature");
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out _) || !signature.StartsWith("sha256=", StringComparison.Ordinal))
        {
            return false;
        }

        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        var signed = Encoding.UTF8.GetBytes(timestamp + ".").Concat(request.Body).ToArray();
        var expected = Convert.ToHexStringLower(hmac.ComputeHash(signed));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature["sha256=".Length..]));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer).ConfigureAwait(false);
        var fail = FailAll || Interlocked.Decrement(ref _failuresLeft) >= 0;
        if (!fail)
        {
            Interlocked.Exchange(ref _failuresLeft, 0);
        }

        var status = fail ? 500 : 200;
        var headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString(), StringComparer.Ordinal);
        lock (_gate)
        {
            _received.Add(new ReceivedWebhook(headers, buffer.ToArray(), status, DateTimeOffset.UtcNow));
        }

        context.Response.StatusCode = status;
    }
}
