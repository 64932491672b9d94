using System.Collections.Concurrent;
using System.Net;
using LlmPlatform.Application.Access.Enforcement;
using LlmPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace LlmPlatform.Api.Tests.Admin;

/// <summary>Limits without Redis, with Redis failing mid-run, and soft-budget alerts.</summary>
public sealed class LimitStoreResilienceTests
{
    private const string Config = """
        model_list:
          - model_name: demo
            litellm_params:
              model: mock/demo-model
              mock_response: "fixed answer"
            model_info:
              input_cost_per_token: 0.001
              output_cost_per_token: 0.002
        """;

    [Test]
    public async Task WithoutRedis_LimitsHoldInMemory()
    {
        await using var api = await ApiServer.StartAsync(Config, withRedis: false);
        var http = new AdminHttp(api.Client);
        var key = (await http.PostAsync("/key/generate", new { max_budget = 0.001 }, ApiServer.MasterKey)).Str("key");

        (await Gateway.StatusAsync(api.Client, key, "demo")).Should().Be(HttpStatusCode.OK);
        var status = HttpStatusCode.OK;
        for (var i = 0; i < 30 && status == HttpStatusCode.OK; i++)
        {
            await Task.Delay(50);
            status = await Gateway.StatusAsync(api.Client, key, "demo");
        }

        status.Should().Be(HttpStatusCode.TooManyRequests);
    }

    [Test]
    public async Task WhenRedisGoesAway_RequestsAreStillServedAndLimited()
    {
        var redis = new Uri(TestEnvironment.RedisUrl);
        await using var proxy = new TcpProxy(redis.Host, redis.Port);
        proxy.Start();
        var url = $"redis://127.0.0.1:{proxy.Port}{redis.AbsolutePath}";
        await using var api = await ApiServer.StartAsync(Config, environment: new Dictionary<string, string?> { ["REDIS_URL"] = url });
        var http = new AdminHttp(api.Client);
        var key = (await http.PostAsync("/key/generate", new { rpm_limit = 1000 }, ApiServer.MasterKey)).Str("key");
        (await Gateway.StatusAsync(api.Client, key, "demo")).Should().Be(HttpStatusCode.OK);

        proxy.Stop();

        for (var i = 0; i < 3; i++)
        {
            using var response = await Gateway.ChatAsync(api.Client, key, "demo");
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            response.Headers.GetValues("x-ratelimit-limit-requests").Single().Should().Be("1000");
        }
    }

    [Test]
    public async Task CrossingASoftBudget_RaisesOneAlert()
    {
        var alerts = new RecordingAlertSink();
        await using var api = await ApiServer.StartAsync(Config, configureServices: s => s.AddSingleton<IBudgetAlertSink>(alerts));
        var http = new AdminHttp(api.Client);
        var key = (await http.PostAsync("/key/generate", new { soft_budget = 0.0001, max_budget = 100 }, ApiServer.MasterKey)).Str("key");

        (await Gateway.StatusAsync(api.Client, key, "demo")).Should().Be(HttpStatusCode.OK);
        (await Gateway.StatusAsync(api.Client, key, "demo")).Should().Be(HttpStatusCode.OK);
        for (var i = 0; i < 30 && alerts.Alerts.IsEmpty; i++)
        {
            await Task.Delay(50);
        }

        await Task.Delay(200);
        alerts.Alerts.Should().ContainSingle();
        var alert = alerts.Alerts.Single();
        alert.Scope.Should().Be("key");
        alert.SoftBudget.Should().Be(0.0001m);
        alert.Spend.Should().BeGreaterThanOrEqualTo(0.0001m);
    }

    private sealed class RecordingAlertSink : IBudgetAlertSink
    {
        public ConcurrentQueue<BudgetAlert> Alerts { get; } = new();

        public void Publish(BudgetAlert alert) => Alerts.Enqueue(alert);
    }
}
