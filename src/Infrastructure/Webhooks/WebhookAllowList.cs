using System.Globalization;
using LlmPlatform.Application.Configuration;

namespace LlmPlatform.Infrastructure.Webhooks;

/// <summary><c>general_settings.webhook_allowed_hosts</c>: <c>host</c> (any port) or <c>host:port</c>, IPv6 as <c>[::1]:port</c>.</summary>
internal sealed class WebhookAllowList
{
    private readonly List<(string Host, int? Port)> _entries = [];

    public WebhookAllowList(PlatformConfiguration configuration)
        : this(configuration.General.Webhooks.AllowedHosts)
    {
    }

    public WebhookAllowList(IEnumerable<string> entries)
    {
        foreach (var raw in entries)
        {
            var entry = raw.Trim();
            if (entry.Length == 0)
            {
                continue;
            }

            _entries.Add(Parse(entry));
        }
    }

    public bool Allows(string host, int port)
    {
        var normalized = Normalize(host);
        return _entries.Exists(e => string.Equals(e.Host, normalized, StringComparison.OrdinalIgnoreCase) && (e.Port is null || e.Port == port));
    }

    public static string Normalize(string host) => host.Trim().TrimStart('[').TrimEnd(']').TrimEnd('.');

    private static (string Host, int? Port) Parse(string entry)
    {
        if (entry.StartsWith('['))
        {
            var close = entry.IndexOf(']', StringComparison.Ordinal);
            var host = close > 0 ? entry[1..close] : entry;
            var rest = close > 0 ? entry[(close + 1)..] : string.Empty;
            return (Normalize(host), rest.StartsWith(':') ? PortOf(rest[1..]) : null);
        }

        var colon = entry.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && colon == entry.LastIndexOf(':') && PortOf(entry[(colon + 1)..]) is { } port)
        {
            return (Normalize(entry[..colon]), port);
        }

        return (Normalize(entry), null);
    }

    private static int? PortOf(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535 ? port : null;
}
