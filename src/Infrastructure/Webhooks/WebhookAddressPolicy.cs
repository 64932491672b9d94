using System.Net;
using System.Net.Sockets;

namespace LlmPlatform.Infrastructure.Webhooks;

/// <summary>Which addresses a webhook may not reach, unless the allow-list names its host.</summary>
internal static class WebhookAddressPolicy
{
    /// <summary>Null for a public address, else what kind of internal address it is.</summary>
    public static string? Refusal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return RefusalV4(address.GetAddressBytes());
        }

        var bytes = address.GetAddressBytes();
        if (address.Equals(IPAddress.IPv6Any))
        {
            return "an unspecified address";
        }

        if (address.Equals(IPAddress.IPv6Loopback))
        {
            return "a loopback address";
        }

        if (address.IsIPv6LinkLocal || address.IsIPv6SiteLocal)
        {
            return "a link-local address";
        }

        if ((bytes[0] & 0xFE) == 0xFC)
        {
            return "a unique-local address";
        }

        if (address.IsIPv6Multicast)
        {
            return "a multicast address";
        }

        // IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) addresses carry an IPv4 address that decides.
        var v4Compatible = bytes.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0;
        var nat64 = bytes[0] == 0x00 && bytes[1] == 0x64 && bytes[2] == 0xFF && bytes[3] == 0x9B && bytes.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0;
        return v4Compatible || nat64 ? RefusalV4(bytes[12..]) : null;
    }

    private static string? RefusalV4(byte[] b) => b switch
    {
        [0, 0, 0, 0] => "an unspecified address",
        [0, ..] => "a reserved address",
        [127, ..] => "a loopback address",
        [10, ..] => "a private address",
        [172, >= 16 and <= 31, ..] => "a private address",
        [192, 168, ..] => "a private address",
        [169, 254, ..] => "a link-local address",
        [100, >= 64 and <= 127, ..] => "a shared (carrier-grade NAT) address",
        [>= 224, ..] => "a multicast or reserved address",
        _ => null,
    };
}
