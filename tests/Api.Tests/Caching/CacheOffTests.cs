using System.Net;
using LlmPlatform.Api.Tests.Admin;
using LlmPlatform.FakeUpstream;
using LlmPlatform.TestSupport;

namespace LlmPlatform.Api.Tests.Caching;

/// <summary>Without <c>litellm_settings.cache: true</c> nothing is cached and the cache endpoints say so.</summary>
public sealed class CacheOffTests : GatewayFixture
{
    protected override string Config(string fake) => $"""
        model_list:
          - model_name: plain-chat
            litellm_params:
              model: openai/gpt-4o-mini
              api_base: {fake}/v1
              api_key: sk-upstream
        litellm_settings:
          cache: false
          cache_params:
            ttl: 600
        """;

    [Test]
    public async Task Chat_WhenTheCacheIsOff_AlwaysCallsTheUpstreamAndSendsNoCacheHeaders()
    {
        var prompt = "prompt-" + Guid.NewGuid().ToString("N");
        var first = await CacheProbe.PostAsync(Api, "v1/chat/completions", CacheProbe.Chat("plain-chat", prompt));
        var second = await CacheProbe.PostAsync(Api, "v1/chat/completions", CacheProbe.Chat("plain-chat", prompt));

        second.Status.Should().Be(HttpStatusCode.OK);
        first.Hit.Should().BeNull();
        second.Hit.Should().BeNull();
        second.Key.Should().BeNull();
        CacheProbe.UpstreamCalls(Fake, Routes.OpenAiChat, prompt).Should().Be(2);
    }

    [Test]
    public async Task CachePing_WhenTheCacheIsOff_Is503()
    {
        var ping = await new AdminHttp(Api.Client).GetAsync("/cache/ping", ApiServer.MasterKey);

        ping.Status.Should().Be(HttpStatusCode.ServiceUnavailable, ping.Text);
        ping.Json.GetProperty("error").GetProperty("code").GetString().Should().Be("cache_not_enabled");
    }
}
