using System.Net;
using System.Net.Sockets;
using LlmPlatform.Application.Webhooks;
using LlmPlatform.Domain.Common;

namespace LlmPlatform.Infrastructure.Webhooks;

/// <summary>Checks a webhook URL when it is created: the host must resolve, and only to public addresses, unless allow-listed.</summary>
internal sealed class WebhookUrlGuard : IWebhookUrlGuard
{
    private static readonly TimeSpan ResolveTimeout = TimeSpan.FromSeconds(5);

    private readonly WebhookAllowList _allowList;

    public WebhookUrlGuard(WebhookAllowList allowList)
    {
        _allowList = allowList;
    }

    public async Task<Result<Unit>> CheckAsync(Uri url, CancellationToken cancellationToken)
    {
        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
        {
            return WebhookErrors.UrlRefused("only http:// and https:// URLs are accepted.");
        }

        var host = WebhookAllowList.Normalize(url.Host);
        if (_allowList.Allows(host, url.Port))
        {
            return Unit.Value;
        }

        var resolved = await ResolveAsync(host, cancellationToken).ConfigureAwait(false);
        if (!resolved.IsSuccess)
        {
            return resolved.Error!;
        }

        foreach (var address in resolved.Value)
        {
            if (WebhookAddressPolicy.Refusal(address) is { } why)
            {
                var target = IPAddress.TryParse(host, out _) ? host : $"{host} resolves to {address}, which";
                return WebhookErrors.UrlRefused(
                    $"{target} is {why}. Name the host in general_settings.webhook_allowed_hosts to allow it.");
            }
        }

        return Unit.Value;
    }

    /// <summary>The host's addresses; also used at delivery time, when DNS may answer differently.</summary>
    public static async Task<IPAddress[]> AddressesOfAsync(string host, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host, out var literal))
        {
            return [literal];
        }

        // "localhost" and its subdomains are loopback whatever the resolver says (RFC 6761).
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            return [IPAddress.Loopback, IPAddress.IPv6Loopback];
        }

        return await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<Result<IPAddress[]>> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ResolveTimeout);
        try
        {
            var addresses = await AddressesOfAsync(host, timeout.Token).ConfigureAwait(false);
            return addresses.Length == 0 ? WebhookErrors.UrlRefused($"the host {host} has no address.") : addresses;
        }
        catch (SocketException)
        {
            return WebhookErrors.UrlRefused($"the host {host} cannot be resolved.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return WebhookErrors.UrlRefused($"the host {host} could not be resolved in time.");
        }
    }
}
