using System.Diagnostics;
using System.Net;
using LlmPlatform.Api.Tests.Admin;
using LlmPlatform.TestSupport;

namespace LlmPlatform.Api.Tests.GatewayUser;

/// <summary>Two nodes on one PostgreSQL and Redis: a model unloaded on one is unloaded on every node, and stays so after a restart.</summary>
public sealed class ModelLifecycleAcrossNodesTests
{
    private const string Config = """
        model_list:
          - model_name: shared-demo
            litellm_params:
              model: mock/demo-model
        """;

    private TwoNodes _nodes = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _nodes = await TwoNodes.StartAsync(Config, "lifecycle");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _nodes.DisposeAsync();
    }

    [Test]
    public async Task UnloadOnOneNode_RefusesCallsOnTheOther_AndOnANodeStartedLater_UntilLoadedAgain()
    {
        var nodeA = new AdminHttp(_nodes.A.Client);
        var nodeB = new AdminHttp(_nodes.B.Client);
        (await ChatAsync(nodeB)).Should().Be(HttpStatusCode.OK);

        (await nodeA.PostAsync("/v1/models/shared-demo/unload", new { }, ApiServer.MasterKey)).Status.Should().Be(HttpStatusCode.OK);

        (await WithinOneSecondAsync(nodeB, HttpStatusCode.ServiceUnavailable)).Should().Be(HttpStatusCode.ServiceUnavailable, "node B takes the unload from the bus");
        (await nodeB.GetAsync("/v1/models/shared-demo/status", ApiServer.MasterKey)).Str("runtime_status").Should().Be("unloaded");

        await using (var nodeC = await ApiServer.StartAsync(Config, _nodes.Database))
        {
            (await ChatAsync(new AdminHttp(nodeC.Client))).Should().Be(HttpStatusCode.ServiceUnavailable, "a node started after the unload reads it from the database");
        }

        (await nodeB.PostAsync("/v1/models/shared-demo/load", new { }, ApiServer.MasterKey)).Status.Should().Be(HttpStatusCode.OK);

        (await WithinOneSecondAsync(nodeA, HttpStatusCode.OK)).Should().Be(HttpStatusCode.OK, "the load reaches node A as well");
    }

    private static async Task<HttpStatusCode> ChatAsync(AdminHttp node) =>
        (await node.PostAsync("/v1/chat/completions", new { model = "shared-demo", messages = new[] { new { role = "user", content = "hi" } } }, ApiServer.MasterKey)).Status;

    private static async Task<HttpStatusCode> WithinOneSecondAsync(AdminHttp node, HttpStatusCode wanted)
    {
        var clock = Stopwatch.StartNew();
        var status = await ChatAsync(node);
        while (status != wanted && clock.Elapsed < TimeSpan.FromSeconds(1))
        {
            await Task.Delay(50);
            status = await ChatAsync(node);
        }

        return status;
    }
}
