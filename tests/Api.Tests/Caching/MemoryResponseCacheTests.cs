using System.Net;
using LlmPlatform.Api.Tests.Admin;
using LlmPlatform.FakeUpstream;
using LlmPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace LlmPlatform.Api.Tests.Caching;

/// <summary>The response cache without Redis: in process memory, bounded, expiring on the injected clock.</summary>
public sealed class MemoryResponseCacheTests
{
    private readonly ShiftableTimeProvider _clock = new();
    private FakeUpstreamServer _fake = null!;
    private ApiServer _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _fake = await FakeUpstreamServer.StartAsync();
        _api = await ApiServer.StartAsync(
            $"""
            model_list:
              - model_name: cached-chat
                litellm_params:
                  model: openai/gpt-4o-mini
                  api_base: {_fake.BaseUrl}/v1
                  api_key: sk-upstream
            litellm_settings:
              cache: true
              cache_params:
                ttl: 60
                max_size_in_memory: 3
            """,
            withRedis: false,
            configureServices: s => s.AddSingleton<TimeProvider>(_clock));
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _api.DisposeAsync();
        await _fake.DisposeAsync();
    }

    private static string Marker() => "prompt-" + Guid.NewGuid().ToString("N");

    private Task<CacheProbe.Answer> ChatAsync(string prompt, string? extra = null) =>
        CacheProbe.PostAsync(_api, "v1/chat/completions", CacheProbe.Chat("cached-chat", prompt, extra));

    [Test]
    public async Task Chat_WithoutRedis_IsCachedInMemory()
    {
        var prompt = Marker();
        var first = await ChatAsync(prompt);
        var second = await ChatAsync(prompt);

        first.Hit.Should().Be("false");
        second.Hit.Should().Be("true");
        second.Json.GetProperty("id").GetString().Should().Be(first.Json.GetProperty("id").GetString());
        CacheProbe.UpstreamCalls(_fake, Routes.OpenAiChat, prompt).Should().Be(1);
    }

    [Test]
    public async Task Ttl_WhenTheClockPassesIt_TheEntryExpires()
    {
        var prompt = Marker();
        var shortLived = Marker();
        await ChatAsync(prompt);
        await ChatAsync(shortLived, "\"cache\":{\"ttl\":5}");

        _clock.Advance(TimeSpan.FromSeconds(10));
        var configuredTtlHolds = await ChatAsync(prompt);
        var requestTtlPassed = await ChatAsync(shortLived);
        _clock.Advance(TimeSpan.FromSeconds(61));
        var configuredTtlPassed = await ChatAsync(prompt);

        configuredTtlHolds.Hit.Should().Be("true");
        requestTtlPassed.Hit.Should().Be("false");
        configuredTtlPassed.Hit.Should().Be("false");
        CacheProbe.UpstreamCalls(_fake, Routes.OpenAiChat, prompt).Should().Be(2);
    }

    [Test]
    public async Task MemoryCache_WhenFullerThanItsBound_EvictsEntries()
    {
        var prompts = Enumerable.Range(0, 6).Select(_ => Marker()).ToList();
        foreach (var prompt in prompts)
        {
            await ChatAsync(prompt);
        }

        var hits = 0;
        foreach (var prompt in prompts)
        {
            if ((await ChatAsync(prompt, "\"cache\":{\"no-store\":true}")).Hit == "true")
            {
                hits++;
            }
        }

        hits.Should().BeInRange(1, 3);
    }

    [Test]
    public async Task CachePing_WithoutRedis_ReportsTheLocalCache()
    {
        var ping = await new AdminHttp(_api.Client).GetAsync("/cache/ping", ApiServer.MasterKey);

        ping.Status.Should().Be(HttpStatusCode.OK, ping.Text);
        ping.Str("status").Should().Be("healthy");
        ping.Str("cache_type").Should().Be("local");
    }

    [Test]
    public async Task CacheRedisInfo_WithoutRedis_Is400SayingTheCacheIsInMemory()
    {
        var info = await new AdminHttp(_api.Client).GetAsync("/cache/redis/info", ApiServer.MasterKey);

        info.Status.Should().Be(HttpStatusCode.BadRequest, info.Text);
        info.Json.GetProperty("error").GetProperty("code").GetString().Should().Be("cache_not_redis");
        info.Json.GetProperty("error").GetProperty("message").GetString().Should().Contain("memory");
    }

    [Test]
    public async Task CacheDeleteAndFlush_WithoutRedis_WorkOnTheMemoryCache()
    {
        var prompt = Marker();
        var other = Marker();
        var stored = await ChatAsync(prompt);
        await ChatAsync(other);
        var http = new AdminHttp(_api.Client);

        var deleted = await http.PostAsync("/cache/delete", new { keys = new[] { stored.Key } }, ApiServer.MasterKey);
        var afterDelete = await ChatAsync(prompt);
        var flushed = await http.PostAsync("/cache/flushall", "{}", ApiServer.MasterKey);
        var afterFlush = await ChatAsync(other);

        deleted.Json.GetProperty("deleted_count").GetInt64().Should().Be(1);
        afterDelete.Hit.Should().Be("false");
        flushed.Str("status").Should().Be("flushed");
        afterFlush.Hit.Should().Be("false");
    }
}
