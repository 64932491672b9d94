using System.Net;
using LlmPlatform.Api.Tests.Admin;
using LlmPlatform.TestSupport;

namespace LlmPlatform.Api.Tests.Caching;

/// <summary>A Redis outage turns the cache into misses; it never fails a request.</summary>
public sealed class CacheRedisOutageTests
{
    private const string Config = """
        model_list:
          - model_name: demo
            litellm_params:
              model: mock/demo-model
        litellm_settings:
          cache: true
        """;

    [Test]
    public async Task Chat_WhenRedisGoesAway_IsStillAnsweredAsAMiss_AndPingSays503()
    {
        var redis = new Uri(TestEnvironment.RedisUrl);
        await using var proxy = new TcpProxy(redis.Host, redis.Port);
        proxy.Start();
        var url = $"redis://127.0.0.1:{proxy.Port}{redis.AbsolutePath}";
        await using var api = await ApiServer.StartAsync(Config, environment: new Dictionary<string, string?> { ["REDIS_URL"] = url });
        var body = CacheProbe.Chat("demo", "prompt-" + Guid.NewGuid().ToString("N"));
        await CacheProbe.PostAsync(api, "v1/chat/completions", body);
        var hit = await CacheProbe.PostAsync(api, "v1/chat/completions", body);

        proxy.Stop();
        var answers = new List<CacheProbe.Answer>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add(await CacheProbe.PostAsync(api, "v1/chat/completions", body));
        }

        var streamed = await CacheProbe.PostAsync(api, "v1/chat/completions", body.TrimEnd('}') + ",\"stream\":true}");
        var ping = await new AdminHttp(api.Client).GetAsync("/cache/ping", ApiServer.MasterKey);

        hit.Hit.Should().Be("true");
        answers.Should().OnlyContain(a => a.Status == HttpStatusCode.OK && a.Hit == "false");
        streamed.Status.Should().Be(HttpStatusCode.OK);
        streamed.Events[^1].Should().Be("[DONE]");
        ping.Status.Should().Be(HttpStatusCode.ServiceUnavailable, ping.Text);
        ping.Json.GetProperty("error").GetProperty("code").GetString().Should().Be("cache_unavailable");
    }
}
