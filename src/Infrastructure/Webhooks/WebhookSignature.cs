using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace LlmPlatform.Infrastructure.Webhooks;

/// <summary>
/// The delivery headers' signature: <c>sha256=</c> and the hex HMAC-SHA256, keyed with the webhook's secret, of
/// <c>"{timestamp}.{body}"</c>, where the timestamp is the <c>x-llmplatform-timestamp</c> header (Unix seconds).
/// </summary>
internal static class WebhookSignature
{
    public const string SignatureHeader = "x-llmplatform-signature";
    public const string TimestampHeader = "x-llmplatform-timestamp";
    public const string EventHeader = "x-llmplatform-event";
    public const string DeliveryHeader = "x-llmplatform-delivery";

    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message);
        return "sha256=" + Convert.ToHexStringLower(mac);
    }
}
