using System.Net;
using LlmPlatform.Api.Tests.Admin;
using LlmPlatform.FakeUpstream;

namespace LlmPlatform.Api.Tests.GatewayUser;

/// <summary>Which key the gateway called the fake upstream with.</summary>
internal static class UpstreamKey
{
    /// <summary>The key of the deployments in these tests' configurations.</summary>
    public const string Platform = "sk-platform-key-of-the-deployment";

    /// <summary>Sends a chat through <paramref name="node"/> and returns the bearer key the fake upstream received for it.</summary>
    public static async Task<string> UsedAsync(AdminHttp node, FakeUpstreamServer fake, string model, string token)
    {
        var marker = "which-key-" + Guid.NewGuid().ToString("N");
        var reply = await node.PostAsync("/v1/chat/completions", new { model, messages = new[] { new { role = "user", content = marker } } }, token);
        reply.Status.Should().Be(HttpStatusCode.OK, reply.Text);
        var received = fake.Script.Received.Single(r => r.Body.Contains(marker, StringComparison.Ordinal));
        return received.Headers["authorization"].Should().StartWith("Bearer ").And.Subject["Bearer ".Length..];
    }
}
