using System.Diagnostics;
using System.Net;
using LlmPlatform.Api.Tests.Admin;
using LlmPlatform.FakeUpstream;
using LlmPlatform.TestSupport;

namespace LlmPlatform.Api.Tests.GatewayUser;

/// <summary>Two nodes on one PostgreSQL and Redis: a user's provider key deleted on one is no longer used by the other.</summary>
public sealed class UserProviderKeyAcrossNodesTests
{
    private const string PlatformKey = UpstreamKey.Platform;

    private FakeUpstreamServer _fake = null!;
    private TwoNodes _nodes = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _fake = await FakeUpstreamServer.StartAsync();
        var config = $"""
            model_list:
              - model_name: byok
                litellm_params:
                  model: openai/byok-model
                  api_base: {_fake.BaseUrl}/v1
                  api_key: {PlatformKey}
                  allow_user_provider_keys: true
            general_settings:
              encryption_key: byok-nodes-encryption-key
            """;
        _nodes = await TwoNodes.StartAsync(config, "byok");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _nodes.DisposeAsync();
        await _fake.DisposeAsync();
    }

    [Test]
    public async Task KeyDeletedOnOneNode_IsNoLongerUsedByTheOther_WithinOneSecond()
    {
        var nodeA = new AdminHttp(_nodes.A.Client);
        var nodeB = new AdminHttp(_nodes.B.Client);
        var token = (await GatewayUsers.RegisterAsync(nodeA)).Token;
        var ownKey = "sk-own-" + Guid.NewGuid().ToString("N");
        (await nodeA.PostAsync("/v1/users/provider-keys", new { provider = "openai", api_key = ownKey }, token)).Status.Should().Be(HttpStatusCode.OK);
        (await KeyUsedAsync(nodeB, token)).Should().Be(ownKey, "node B reads the key (and keeps it for a while)");

        (await nodeA.SendAsync(HttpMethod.Delete, "/v1/users/provider-keys/openai", null, token)).Status.Should().Be(HttpStatusCode.OK);

        var clock = Stopwatch.StartNew();
        var used = await KeyUsedAsync(nodeB, token);
        while (used != PlatformKey && clock.Elapsed < TimeSpan.FromSeconds(1))
        {
            await Task.Delay(50);
            used = await KeyUsedAsync(nodeB, token);
        }

        used.Should().Be(PlatformKey, "the deletion reaches the other node through the access-change bus, not after its 30 s cache");
    }

    private Task<string> KeyUsedAsync(AdminHttp node, string token) => UpstreamKey.UsedAsync(node, _fake, "byok", token);
}
