using System.Net;
using LlmPlatform.Infrastructure.Webhooks;

namespace LlmPlatform.Infrastructure.Tests.Webhooks;

public sealed class WebhookAddressPolicyTests
{
    [TestCase("127.0.0.1", "loopback")]
    [TestCase("127.8.9.10", "loopback")]
    [TestCase("10.0.0.1", "private")]
    [TestCase("172.16.0.1", "private")]
    [TestCase("172.31.255.255", "private")]
    [TestCase("192.168.1.1", "private")]
    [TestCase("169.254.169.254", "link-local")]
    [TestCase("0.0.0.0", "unspecified")]
    [TestCase("100.64.0.1", "carrier-grade")]
    [TestCase("224.0.0.1", "multicast")]
    [TestCase("::1", "loopback")]
    [TestCase("::", "unspecified")]
    [TestCase("fe80::1", "link-local")]
    [TestCase("fd12:3456::1", "unique-local")]
    [TestCase("::ffff:192.168.0.1", "private")]
    [TestCase("::ffff:127.0.0.1", "loopback")]
    [TestCase("64:ff9b::a9fe:a9fe", "link-local")]
    public void Refusal_OfAnInternalAddress_NamesItsKind(string address, string kind)
    {
        WebhookAddressPolicy.Refusal(IPAddress.Parse(address)).Should().Contain(kind);
    }

    [TestCase("8.8.8.8")]
    [TestCase("172.15.255.255")]
    [TestCase("172.32.0.1")]
    [TestCase("93.184.216.34")]
    [TestCase("2606:4700::1111")]
    [TestCase("::ffff:8.8.8.8")]
    public void Refusal_OfAPublicAddress_IsNull(string address)
    {
        WebhookAddressPolicy.Refusal(IPAddress.Parse(address)).Should().BeNull();
    }
}
