using LlmPlatform.Infrastructure.Webhooks;

namespace LlmPlatform.Infrastructure.Tests.Webhooks;

public sealed class WebhookAllowListTests
{
    private readonly WebhookAllowList _list = new(["127.0.0.1:8080", "Hooks.Internal", "[::1]:9000", "fd00::5"]);

    [TestCase("127.0.0.1", 8080, true)]
    [TestCase("127.0.0.1", 8081, false)]
    [TestCase("hooks.internal", 443, true)]
    [TestCase("hooks.internal.", 80, true)]
    [TestCase("other.internal", 443, false)]
    [TestCase("[::1]", 9000, true)]
    [TestCase("::1", 9001, false)]
    [TestCase("[fd00::5]", 1234, true)]
    public void Allows_MatchesHostAndOptionalPort(string host, int port, bool allowed)
    {
        _list.Allows(host, port).Should().Be(allowed);
    }

    [Test]
    public void Allows_WithAnEmptyList_AllowsNothing()
    {
        new WebhookAllowList([]).Allows("127.0.0.1", 80).Should().BeFalse();
    }
}
