using System.Diagnostics;
using System.Net;
using LlmPlatform.TestSupport;

namespace LlmPlatform.Api.Tests.Admin;

/// <summary>Two API nodes on one PostgreSQL and one Redis: a change made on one takes effect on the other within a second.</summary>
public sealed class InvalidationAcrossNodesTests
{
    private const string Config = """
        model_list:
          - model_name: demo
            litellm_params:
              model: mock/demo-model
        """;

    private TwoNodes _nodes = null!;
    private AdminHttp _adminA = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _nodes = await TwoNodes.StartAsync(Config, "inval");
        _adminA = new AdminHttp(_nodes.A.Client);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _nodes.DisposeAsync();
    }

    [Test]
    public async Task KeyBlockedOnOneNode_IsRefusedOnTheOtherWithinOneSecond()
    {
        var key = await GenerateAsync(new { });
        (await Gateway.StatusAsync(_nodes.B.Client, key, "demo")).Should().Be(HttpStatusCode.OK);

        (await _adminA.PostAsync("/key/block", new { key }, ApiServer.MasterKey)).Status.Should().Be(HttpStatusCode.OK);

        (await StatusWithinOneSecondAsync(key, HttpStatusCode.Unauthorized)).Should().Be(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task KeyDeletedOnOneNode_IsRefusedOnTheOtherWithinOneSecond()
    {
        var key = await GenerateAsync(new { });
        (await Gateway.StatusAsync(_nodes.B.Client, key, "demo")).Should().Be(HttpStatusCode.OK);

        (await _adminA.PostAsync("/key/delete", new { keys = new[] { key } }, ApiServer.MasterKey)).Status.Should().Be(HttpStatusCode.OK);

        (await StatusWithinOneSecondAsync(key, HttpStatusCode.Unauthorized)).Should().Be(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task KeyUpdatedOnOneNode_ChangesItsModelsOnTheOtherWithinOneSecond()
    {
        var key = await GenerateAsync(new { });
        (await Gateway.StatusAsync(_nodes.B.Client, key, "demo")).Should().Be(HttpStatusCode.OK);

        (await _adminA.PostAsync("/key/update", new { key, models = new[] { "nothing-else" } }, ApiServer.MasterKey)).Status.Should().Be(HttpStatusCode.OK);

        (await StatusWithinOneSecondAsync(key, HttpStatusCode.Forbidden)).Should().Be(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task TeamBlockedAndDeletedOnOneNode_TakeEffectOnTheOtherWithinOneSecond()
    {
        var teamId = (await _adminA.PostAsync("/team/new", new { team_alias = "nodes" }, ApiServer.MasterKey)).Str("team_id");
        var key = await GenerateAsync(new { team_id = teamId });
        (await Gateway.StatusAsync(_nodes.B.Client, key, "demo")).Should().Be(HttpStatusCode.OK);

        (await _adminA.PostAsync("/team/block", new { team_id = teamId }, ApiServer.MasterKey)).Status.Should().Be(HttpStatusCode.OK);
        (await StatusWithinOneSecondAsync(key, HttpStatusCode.Unauthorized)).Should().Be(HttpStatusCode.Unauthorized);

        (await _adminA.PostAsync("/team/unblock", new { team_id = teamId }, ApiServer.MasterKey)).Status.Should().Be(HttpStatusCode.OK);
        (await StatusWithinOneSecondAsync(key, HttpStatusCode.OK)).Should().Be(HttpStatusCode.OK);

        (await _adminA.PostAsync("/team/delete", new { team_ids = new[] { teamId } }, ApiServer.MasterKey)).Status.Should().Be(HttpStatusCode.OK);
        (await StatusWithinOneSecondAsync(key, HttpStatusCode.Unauthorized)).Should().Be(HttpStatusCode.Unauthorized);
    }

    private async Task<HttpStatusCode> StatusWithinOneSecondAsync(string key, HttpStatusCode wanted)
    {
        var clock = Stopwatch.StartNew();
        var status = await Gateway.StatusAsync(_nodes.B.Client, key, "demo");
        while (status != wanted && clock.Elapsed < TimeSpan.FromSeconds(1))
        {
            await Task.Delay(50);
            status = await Gateway.StatusAsync(_nodes.B.Client, key, "demo");
        }

        return status;
    }

    private async Task<string> GenerateAsync(object body)
    {
        var reply = await _adminA.PostAsync("/key/generate", body, ApiServer.MasterKey);
        reply.Status.Should().Be(HttpStatusCode.OK, reply.Text);
        return reply.Str("key");
    }
}
