using System.Net;
using LlmPlatform.Api.Tests.Admin;
using LlmPlatform.TestSupport;

namespace LlmPlatform.Api.Tests.GatewayUser;

/// <summary>Two nodes on one PostgreSQL and Redis: a generation running on one is seen and cancelled from the other.</summary>
public sealed class GenerationAcrossNodesTests
{
    private const string Config = """
        model_list:
          - model_name: slow
            litellm_params:
              model: mock/slow-model
              mock_latency: 5000
          - model_name: demo
            litellm_params:
              model: mock/demo-model
        general_settings:
          encryption_key: generation-across-nodes-encryption-key
        """;

    private TwoNodes _nodes = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _nodes = await TwoNodes.StartAsync(Config, "generations");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _nodes.DisposeAsync();
    }

    [Test]
    public async Task AGenerationOnNodeA_IsSeenAndCancelledOnNodeB_ButNotByAnotherUser()
    {
        var nodeA = new AdminHttp(_nodes.A.Client);
        var nodeB = new AdminHttp(_nodes.B.Client);
        var token = (await GatewayUsers.RegisterAsync(nodeA)).Token;
        var stranger = (await GatewayUsers.RegisterAsync(nodeB)).Token;
        var requestId = "req_gen_" + Guid.NewGuid().ToString("N");

        var started = DateTime.UtcNow;
        var call = SlowGeneration.SendAsync(_nodes.A.Client, token, requestId);

        var status = await nodeB.GetAsync($"/v1/requests/{requestId}/status", token);
        for (var i = 0; i < 50 && status.Status != HttpStatusCode.OK; i++)
        {
            await Task.Delay(50);
            status = await nodeB.GetAsync($"/v1/requests/{requestId}/status", token);
        }

        status.Status.Should().Be(HttpStatusCode.OK, "node B reads the record node A wrote: " + status.Text);
        status.Str("status").Should().Be("running");
        status.Str("model").Should().Be("slow");
        (await nodeB.GetAsync($"/v1/requests/{requestId}/status", stranger)).Status.Should().Be(HttpStatusCode.NotFound, "another user's request is not found");
        (await nodeB.PostAsync($"/v1/requests/{requestId}/cancel", new { }, stranger)).Status.Should().Be(HttpStatusCode.NotFound);

        var cancel = await nodeB.PostAsync($"/v1/requests/{requestId}/cancel", new { }, token);

        cancel.Status.Should().Be(HttpStatusCode.OK, cancel.Text);
        cancel.Json.GetProperty("cancelled").GetBoolean().Should().BeTrue(cancel.Text);
        cancel.Str("status").Should().Be("cancelled");
        using var response = await call;
        (DateTime.UtcNow - started).Should().BeLessThan(TimeSpan.FromSeconds(4), "node A cancelled the upstream call");
        response.StatusCode.Should().Be(HttpStatusCode.Conflict, await response.Content.ReadAsStringAsync());
        (await nodeB.GetAsync($"/v1/requests/{requestId}/status", token)).Str("status").Should().Be("cancelled");
        (await nodeB.PostAsync($"/v1/requests/{requestId}/cancel", new { }, token)).Json.GetProperty("cancelled").GetBoolean().Should().BeFalse("it has ended");
    }

    [Test]
    public async Task AGenerationCompletedOnNodeA_IsReportedOnNodeB()
    {
        var nodeA = new AdminHttp(_nodes.A.Client);
        var nodeB = new AdminHttp(_nodes.B.Client);
        var token = (await GatewayUsers.RegisterAsync(nodeA)).Token;

        var done = await nodeA.PostAsync("/v1/generate", new { model = "demo", modality = "text", input = new { prompt = "x" } }, token);
        done.Status.Should().Be(HttpStatusCode.OK, done.Text);

        var status = await nodeB.GetAsync($"/v1/requests/{done.Str("request_id")}/status", token);
        for (var i = 0; i < 20 && status.Str("status") != "completed"; i++)
        {
            await Task.Delay(50);
            status = await nodeB.GetAsync($"/v1/requests/{done.Str("request_id")}/status", token);
        }

        status.Status.Should().Be(HttpStatusCode.OK, status.Text);
        status.Str("status").Should().Be("completed");
        status.Json.GetProperty("completed_at").GetString().Should().NotBeNullOrEmpty();
    }
}

/// <summary>A Redis outage leaves each node with its own generations: answered at once, never failed.</summary>
public sealed class GenerationRedisOutageTests
{
    [Test]
    public async Task Generate_WhenRedisGoesAway_IsAnsweredAtOnce_AndItsStatusIsKeptOnTheNode()
    {
        var redis = new Uri(TestEnvironment.RedisUrl);
        await using var proxy = new TcpProxy(redis.Host, redis.Port);
        proxy.Start();
        await using var api = await ApiServer.StartAsync(
            """
            model_list:
              - model_name: demo
                litellm_params:
                  model: mock/demo-model
            """,
            environment: new Dictionary<string, string?> { ["REDIS_URL"] = $"redis://127.0.0.1:{proxy.Port}{redis.AbsolutePath}" });
        var http = new AdminHttp(api.Client);
        var token = (await GatewayUsers.RegisterAsync(http)).Token;
        (await http.PostAsync("/v1/generate", new { model = "demo", modality = "text", input = new { prompt = "x" } }, token)).Status.Should().Be(HttpStatusCode.OK);

        proxy.Stop();
        await Task.Delay(200);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var done = await http.PostAsync("/v1/generate", new { model = "demo", modality = "text", input = new { prompt = "y" } }, token);
        var status = await http.GetAsync($"/v1/requests/{done.Str("request_id")}/status", token);
        var unknown = await http.GetAsync("/v1/requests/req_unknown/status", token);
        clock.Stop();

        done.Status.Should().Be(HttpStatusCode.OK, done.Text);
        status.Str("status").Should().Be("completed");
        unknown.Status.Should().Be(HttpStatusCode.NotFound);
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(1), "no call waits for the unreachable Redis");
    }
}
