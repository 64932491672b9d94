using System.ClientModel;
using System.Net;
using System.Text;
using System.Text.Json;
using LlmPlatform.Api.Tests.Admin;
using LlmPlatform.FakeUpstream;
using LlmPlatform.TestSupport;
using OpenAI;
using OpenAI.Chat;
using OpenAI.Embeddings;

namespace LlmPlatform.Api.Tests.Caching;

/// <summary>The response cache in Redis, against the fake upstream (which counts the calls that reach it).</summary>
public sealed class ResponseCacheTests : GatewayFixture
{
    protected override string Config(string fake) => $"""
        model_list:
          - model_name: cached-chat
            litellm_params:
              model: openai/gpt-4o-mini
              api_base: {fake}/v1
              api_key: sk-upstream
            model_info:
              input_cost_per_token: 0.000001
              output_cost_per_token: 0.000002
          - model_name: cached-embed
            litellm_params:
              model: openai/text-embedding-3-small
              api_base: {fake}/v1
              api_key: sk-upstream
        litellm_settings:
          cache: true
          cache_params:
            type: redis
            ttl: 600
        """;

    private static string Marker() => "prompt-" + Guid.NewGuid().ToString("N");

    private ChatClient ChatClient() =>
        new("cached-chat", new ApiKeyCredential(ApiServer.MasterKey), new OpenAIClientOptions { Endpoint = Api.OpenAiEndpoint });

    [Test]
    public async Task CompleteChat_WhenTheSameRequestIsRepeated_TheSecondIsAHitThatDoesNotCallTheUpstream()
    {
        var prompt = Marker();

        var first = await ChatClient().CompleteChatAsync([new UserChatMessage(prompt)]);
        var second = await ChatClient().CompleteChatAsync([new UserChatMessage(prompt)]);

        CacheProbe.UpstreamCalls(Fake, Routes.OpenAiChat, prompt).Should().Be(1);
        Header(first.GetRawResponse(), CacheProbe.HitHeader).Should().Be("false");
        Header(second.GetRawResponse(), CacheProbe.HitHeader).Should().Be("true");
        Header(second.GetRawResponse(), CacheProbe.KeyHeader).Should().Be(Header(first.GetRawResponse(), CacheProbe.KeyHeader)).And.HaveLength(64);
        second.Value.Id.Should().Be(first.Value.Id);
        second.Value.Content[0].Text.Should().Be(first.Value.Content[0].Text);
    }

    [Test]
    public async Task ChatCompletion_WhenServedFromTheCache_IsLoggedAsAHitThatCostsNothing()
    {
        var body = CacheProbe.Chat("cached-chat", Marker());

        var miss = await CacheProbe.PostAsync(Api, "v1/chat/completions", body);
        var hit = await CacheProbe.PostAsync(Api, "v1/chat/completions", body);

        hit.Hit.Should().Be("true");
        hit.Headers.GetValues("x-llmplatform-response-cost").Single().Should().Be("0");
        var missRow = await CacheProbe.LedgerRowAsync(Api, miss.RequestId);
        var hitRow = await CacheProbe.LedgerRowAsync(Api, hit.RequestId);
        missRow.Should().Match<(decimal Spend, bool CacheHit)>(r => r.Spend > 0 && !r.CacheHit);
        hitRow.Should().Be((0m, true));
    }

    [Test]
    public async Task StreamedChat_WhenRepeated_ReplaysTheStoredAnswerAsAStreamWithoutCallingTheUpstream()
    {
        var prompt = Marker();
        var first = await StreamTextAsync(prompt);
        var second = await StreamTextAsync(prompt);

        first.Should().NotBeEmpty();
        second.Should().Be(first);
        CacheProbe.UpstreamCalls(Fake, Routes.OpenAiChat, prompt).Should().Be(1);

        var raw = await CacheProbe.PostAsync(Api, "v1/chat/completions", CacheProbe.Chat("cached-chat", prompt, "\"stream\":true,\"stream_options\":{\"include_usage\":true}"));
        raw.Hit.Should().Be("true");
        raw.MediaType.Should().Be("text/event-stream");
        var events = raw.Events;
        events[^1].Should().Be("[DONE]");
        var chunks = events.Take(events.Count - 1).Select(e => JsonDocument.Parse(e).RootElement).ToList();
        chunks.Should().OnlyContain(c => c.GetProperty("object").GetString() == "chat.completion.chunk");
        chunks[0].GetProperty("choices")[0].GetProperty("delta").GetProperty("role").GetString().Should().Be("assistant");
        chunks[^2].GetProperty("choices")[0].GetProperty("finish_reason").GetString().Should().Be("stop");
        chunks[^1].GetProperty("choices").GetArrayLength().Should().Be(0);
        chunks[^1].GetProperty("usage").GetProperty("completion_tokens").GetInt64().Should().BePositive();
        CacheProbe.UpstreamCalls(Fake, Routes.OpenAiChat, prompt).Should().Be(1);
    }

    [Test]
    public async Task StreamedChat_WhenTheAnswerIsCachedWhole_IsServedFromTheSameEntry()
    {
        var prompt = Marker();
        var whole = await CacheProbe.PostAsync(Api, "v1/chat/completions", CacheProbe.Chat("cached-chat", prompt));

        var streamed = await StreamTextAsync(prompt);

        streamed.Should().Be(whole.Json.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString());
        CacheProbe.UpstreamCalls(Fake, Routes.OpenAiChat, prompt).Should().Be(1);
    }

    [Test]
    public async Task StreamedChat_WhenTheUpstreamStreamBreaks_StoresNothing()
    {
        var prompt = Marker();
        Fake.Script.Enqueue(Routes.OpenAiChat, Behavior.ResetMidStream(2));

        await CacheProbe.PostAsync(Api, "v1/chat/completions", CacheProbe.Chat("cached-chat", prompt, "\"stream\":true"));
        var again = await CacheProbe.PostAsync(Api, "v1/chat/completions", CacheProbe.Chat("cached-chat", prompt));

        again.Hit.Should().Be("false");
        CacheProbe.UpstreamCalls(Fake, Routes.OpenAiChat, prompt).Should().Be(2);
    }

    [Test]
    public async Task StreamedToolCall_WhenStored_IsServedWholeWithTheSameToolCall()
    {
        var prompt = Marker();
        Fake.Script.Enqueue(Routes.OpenAiChat, Behavior.ToolCall("get_weather", "{\"city\":\"Oslo\"}"));
        await CacheProbe.PostAsync(Api, "v1/chat/completions", CacheProbe.Chat("cached-chat", prompt, "\"stream\":true"));

        var whole = await CacheProbe.PostAsync(Api, "v1/chat/completions", CacheProbe.Chat("cached-chat", prompt));

        whole.Hit.Should().Be("true");
        var choice = whole.Json.GetProperty("choices")[0];
        choice.GetProperty("finish_reason").GetString().Should().Be("tool_calls");
        var call = choice.GetProperty("message").GetProperty("tool_calls")[0];
        call.GetProperty("function").GetProperty("name").GetString().Should().Be("get_weather");
        call.GetProperty("function").GetProperty("arguments").GetString().Should().Be("{\"city\":\"Oslo\"}");
        CacheProbe.UpstreamCalls(Fake, Routes.OpenAiChat, prompt).Should().Be(1);
    }

    [Test]
    public async Task Embeddings_WhenRepeated_TheSecondIsAHitThatDoesNotCallTheUpstream()
    {
        var input = Marker();
        var client = new EmbeddingClient("cached-embed", new ApiKeyCredential(ApiServer.MasterKey), new OpenAIClientOptions { Endpoint = Api.OpenAiEndpoint });

        var first = await client.GenerateEmbeddingAsync(input);
        var second = await client.GenerateEmbeddingAsync(input);

        CacheProbe.UpstreamCalls(Fake, Routes.OpenAiEmbeddings, input).Should().Be(1);
        Header(second.GetRawResponse(), CacheProbe.HitHeader).Should().Be("true");
        second.Value.ToFloats().ToArray().Should().Equal(first.Value.ToFloats().ToArray());

        var rawInput = Marker();
        await CacheProbe.PostAsync(Api, "v1/embeddings", $$"""{"model":"cached-embed","input":"{{rawInput}}"}""");
        var hit = await CacheProbe.PostAsync(Api, "v1/embeddings", $$"""{"model":"cached-embed","input":"{{rawInput}}"}""");
        hit.Hit.Should().Be("true");
        (await CacheProbe.LedgerRowAsync(Api, hit.RequestId)).Should().Be((0m, true));
    }

    [Test]
    public async Task Embeddings_WithADifferentEncodingFormat_AreADifferentEntry()
    {
        var input = Marker();
        await CacheProbe.PostAsync(Api, "v1/embeddings", $$"""{"model":"cached-embed","input":"{{input}}"}""");

        var base64 = await CacheProbe.PostAsync(Api, "v1/embeddings", $$"""{"model":"cached-embed","input":"{{input}}","encoding_format":"base64"}""");

        base64.Hit.Should().Be("false");
        CacheProbe.UpstreamCalls(Fake, Routes.OpenAiEmbeddings, input).Should().Be(2);
    }

    [Test]
    public async Task NoCache_WhenTheRequestSetsIt_CallsTheUpstreamAndStoresTheFreshAnswer()
    {
        var prompt = Marker();
        await CacheProbe.PostAsync(Api, "v1/chat/completions", CacheProbe.Chat("cached-chat", prompt));

        var bypass = await CacheProbe.PostAsync(Api, "v1/chat/completions", CacheProbe.Chat("cached-chat", prompt, "\"cache\":{\"no-cache\":true}"));
        var after = await CacheProbe.PostAsync(Api, "v1/chat/completions", CacheProbe.Chat("cached-chat", prompt));

        bypass.Status.Should().Be(HttpStatusCode.OK);
        bypass.Hit.Should().Be("false");
        CacheProbe.UpstreamCalls(Fake, Routes.OpenAiChat, prompt).Should().Be(2);
        after.Hit.Should().Be("true");
        after.Json.GetProperty("id").GetString().Should().Be(bypass.Json.GetProperty("id").GetString());
    }

    [Test]
    public async Task NoStore_WhenTheRequestSetsIt_LeavesNothingInTheCache()
    {
        var prompt = Marker();
        await CacheProbe.PostAsync(Api, "v1/chat/completions", CacheProbe.Chat("cached-chat", prompt, "\"cache\":{\"no-store\":true}"));

        var again = await CacheProbe.PostAsync(Api, "v1/chat/completions", CacheProbe.Chat("cached-chat", prompt));

        again.Hit.Should().Be("false");
        CacheProbe.UpstreamCalls(Fake, Routes.OpenAiChat, prompt).Should().Be(2);
    }

    [Test]
    public async Task Ttl_WhenTheEntryOutlivesIt_TheNextRequestCallsTheUpstreamAgain()
    {
        var prompt = Marker();
        await CacheProbe.PostAsync(Api, "v1/chat/completions", CacheProbe.Chat("cached-chat", prompt, "\"cache\":{\"ttl\":1}"));
        var soon = await CacheProbe.PostAsync(Api, "v1/chat/completions", CacheProbe.Chat("cached-chat", prompt));

        await Task.Delay(TimeSpan.FromSeconds(1.6));
        var later = await CacheProbe.PostAsync(Api, "v1/chat/completions", CacheProbe.Chat("cached-chat", prompt));

        soon.Hit.Should().Be("true");
        later.Hit.Should().Be("false");
        CacheProbe.UpstreamCalls(Fake, Routes.OpenAiChat, prompt).Should().Be(2);
    }

    [Test]
    public async Task SMaxAge_WhenTheEntryIsOlder_IsAMiss()
    {
        var prompt = Marker();
        await CacheProbe.PostAsync(Api, "v1/chat/completions", CacheProbe.Chat("cached-chat", prompt));
        await Task.Delay(TimeSpan.FromSeconds(1.2));

        var young = await CacheProbe.PostAsync(Api, "v1/chat/completions", CacheProbe.Chat("cached-chat", prompt, "\"cache\":{\"s-maxage\":60}"));
        var old = await CacheProbe.PostAsync(Api, "v1/chat/completions", CacheProbe.Chat("cached-chat", prompt, "\"cache\":{\"s-maxage\":1}"));

        young.Hit.Should().Be("true");
        old.Hit.Should().Be("false");
    }

    [Test]
    public async Task CacheKey_WhenAParameterThatChangesTheAnswerDiffers_IsADifferentEntry()
    {
        var prompt = Marker();
        var cold = await CacheProbe.PostAsync(Api, "v1/chat/completions", CacheProbe.Chat("cached-chat", prompt, "\"temperature\":0.1"));
        var warmer = await CacheProbe.PostAsync(Api, "v1/chat/completions", CacheProbe.Chat("cached-chat", prompt, "\"temperature\":0.2"));
        var limited = await CacheProbe.PostAsync(Api, "v1/chat/completions", CacheProbe.Chat("cached-chat", prompt, "\"temperature\":0.1,\"max_tokens\":5"));

        warmer.Hit.Should().Be("false");
        limited.Hit.Should().Be("false");
        new[] { cold.Key, warmer.Key, limited.Key }.Should().OnlyHaveUniqueItems();
        CacheProbe.UpstreamCalls(Fake, Routes.OpenAiChat, prompt).Should().Be(3);
    }

    [Test]
    public async Task CacheKey_WhenOnlyTheUserOrMetadataOrTheMemberOrderDiffer_IsTheSameEntry()
    {
        var prompt = Marker();
        var first = await CacheProbe.PostAsync(Api, "v1/chat/completions", CacheProbe.Chat("cached-chat", prompt, "\"temperature\":0.5,\"top_p\":0.9,\"user\":\"alice\""));
        var reordered = await CacheProbe.PostAsync(
            Api,
            "v1/chat/completions",
            $$"""{"top_p":0.9,"user":"bob","metadata":{"k":"v"},"messages":[{"content":"{{prompt}}","role":"user"}],"temperature":0.50,"model":"cached-chat"}""");

        reordered.Hit.Should().Be("true");
        reordered.Key.Should().Be(first.Key);
        CacheProbe.UpstreamCalls(Fake, Routes.OpenAiChat, prompt).Should().Be(1);
    }

    [Test]
    public async Task CacheField_IsNeverSentToTheUpstream()
    {
        var prompt = Marker();
        var input = Marker();
        await CacheProbe.PostAsync(Api, "v1/chat/completions", CacheProbe.Chat("cached-chat", prompt, "\"cache\":{\"ttl\":30}"));
        await CacheProbe.PostAsync(Api, "v1/embeddings", $$$"""{"model":"cached-embed","input":"{{{input}}}","cache":{"no-cache":true}}""");

        var sent = Fake.Script.Received.Where(r => r.Body.Contains(prompt, StringComparison.Ordinal) || r.Body.Contains(input, StringComparison.Ordinal)).ToList();
        sent.Should().HaveCount(2);
        sent.Select(r => JsonDocument.Parse(r.Body).RootElement.TryGetProperty("cache", out var _)).Should().AllBeEquivalentTo(false);
    }

    [TestCase("\"cache\":\"yes\"")]
    [TestCase("\"cache\":{\"ttl\":-1}")]
    [TestCase("\"cache\":{\"ttl\":\"600\"}")]
    [TestCase("\"cache\":{\"no-cache\":\"true\"}")]
    [TestCase("\"cache\":{\"s-maxage\":-5}")]
    [TestCase("\"cache\":{\"no_cache\":true}")]
    public async Task CacheControl_WhenMalformed_Is400NamingTheCacheField(string field)
    {
        var prompt = Marker();
        var chat = await CacheProbe.PostAsync(Api, "v1/chat/completions", CacheProbe.Chat("cached-chat", prompt, field));
        var embed = await CacheProbe.PostAsync(Api, "v1/embeddings", $$"""{"model":"cached-embed","input":"{{prompt}}",{{field}}}""");

        foreach (var answer in new[] { chat, embed })
        {
            answer.Status.Should().Be(HttpStatusCode.BadRequest, answer.Text);
            answer.ErrorParam.Should().Be("cache");
            answer.Json.GetProperty("error").GetProperty("type").GetString().Should().Be("invalid_request_error");
        }

        Fake.Script.Received.Should().NotContain(r => r.Body.Contains(prompt, StringComparison.Ordinal));
    }

    [Test]
    public async Task CachedAnswer_StillPassesAdmission_ABlockedModelIsRefusedEvenWhenCached()
    {
        var prompt = Marker();
        var body = CacheProbe.Chat("cached-chat", prompt);
        await CacheProbe.PostAsync(Api, "v1/chat/completions", body);
        var http = new AdminHttp(Api.Client);
        var key = (await http.PostAsync("/key/generate", new { models = new[] { "cached-embed" } }, ApiServer.MasterKey)).Str("key");

        var refused = await CacheProbe.PostAsync(Api, "v1/chat/completions", body, key);
        var unknownKey = await CacheProbe.PostAsync(Api, "v1/chat/completions", body, "sk-not-a-key");

        refused.Status.Should().Be(HttpStatusCode.Forbidden);
        refused.Hit.Should().BeNull();
        unknownKey.Status.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task CachePing_WithRedis_ReportsHealthyRedis()
    {
        var ping = await new AdminHttp(Api.Client).GetAsync("/cache/ping", ApiServer.MasterKey);

        ping.Status.Should().Be(HttpStatusCode.OK, ping.Text);
        ping.Str("status").Should().Be("healthy");
        ping.Str("cache_type").Should().Be("redis");
        ping.Json.GetProperty("ping_response").GetBoolean().Should().BeTrue();
        ping.Json.GetProperty("health_check_cache_params").GetProperty("ttl").GetDouble().Should().Be(600);
    }

    [Test]
    public async Task CacheDelete_WithTheKeyFromTheHeader_RemovesThatEntryOnly()
    {
        var prompt = Marker();
        var other = Marker();
        var stored = await CacheProbe.PostAsync(Api, "v1/chat/completions", CacheProbe.Chat("cached-chat", prompt));
        await CacheProbe.PostAsync(Api, "v1/chat/completions", CacheProbe.Chat("cached-chat", other));
        var http = new AdminHttp(Api.Client);

        var deleted = await http.PostAsync("/cache/delete", new { keys = new[] { stored.Key, "0000" } }, ApiServer.MasterKey);
        var afterDelete = await CacheProbe.PostAsync(Api, "v1/chat/completions", CacheProbe.Chat("cached-chat", prompt));
        var untouched = await CacheProbe.PostAsync(Api, "v1/chat/completions", CacheProbe.Chat("cached-chat", other));

        deleted.Status.Should().Be(HttpStatusCode.OK, deleted.Text);
        deleted.Str("status").Should().Be("success");
        deleted.Json.GetProperty("deleted_count").GetInt64().Should().Be(1);
        afterDelete.Hit.Should().Be("false");
        untouched.Hit.Should().Be("true");
    }

    [TestCase("{}")]
    [TestCase("{\"keys\":[]}")]
    [TestCase("{\"keys\":\"abc\"}")]
    [TestCase("{\"keys\":[1,2]}")]
    [TestCase("{\"keys\":[\"\"]}")]
    public async Task CacheDelete_WithoutAListOfKeys_Is400(string body)
    {
        var reply = await new AdminHttp(Api.Client).PostAsync("/cache/delete", body, ApiServer.MasterKey);

        reply.Status.Should().Be(HttpStatusCode.BadRequest, reply.Text);
        reply.Json.GetProperty("error").GetProperty("param").GetString().Should().StartWith("keys");
    }

    [Test]
    public async Task CacheFlushAll_ClearsThisDeploymentsEntriesButNoOtherRedisKey()
    {
        var prompt = Marker();
        await CacheProbe.PostAsync(Api, "v1/chat/completions", CacheProbe.Chat("cached-chat", prompt));
        var foreign = "foreign-" + Guid.NewGuid().ToString("N");
        await using var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(LlmPlatform.Infrastructure.Redis.RedisUrl.Parse(TestEnvironment.RedisUrl));
        var db = redis.GetDatabase();
        await db.StringSetAsync(foreign, "keep", TimeSpan.FromMinutes(1));

        var flushed = await new AdminHttp(Api.Client).PostAsync("/cache/flushall", "{}", ApiServer.MasterKey);
        var after = await CacheProbe.PostAsync(Api, "v1/chat/completions", CacheProbe.Chat("cached-chat", prompt));

        flushed.Status.Should().Be(HttpStatusCode.OK, flushed.Text);
        flushed.Str("status").Should().Be("flushed");
        flushed.Json.GetProperty("deleted_count").GetInt64().Should().BePositive();
        after.Hit.Should().Be("false");
        ((string?)await db.StringGetAsync(foreign)).Should().Be("keep");
        await db.KeyDeleteAsync(foreign);
    }

    [Test]
    public async Task CacheRedisInfo_ReturnsTheServersInfoBySection()
    {
        var info = await new AdminHttp(Api.Client).GetAsync("/cache/redis/info", ApiServer.MasterKey);

        info.Status.Should().Be(HttpStatusCode.OK, info.Text);
        info.Str("cache_type").Should().Be("redis");
        info.Json.GetProperty("info").GetProperty("server").GetProperty("redis_version").GetString().Should().NotBeNullOrEmpty();
    }

    [TestCase("POST", "/cache/delete")]
    [TestCase("POST", "/cache/flushall")]
    [TestCase("GET", "/cache/redis/info")]
    public async Task CacheAdminEndpoints_ForANonAdminKey_Are403(string method, string path)
    {
        var http = new AdminHttp(Api.Client);
        var key = (await http.PostAsync("/key/generate", new { }, ApiServer.MasterKey)).Str("key");

        var reply = await http.SendAsync(new HttpMethod(method), path, method == "POST" ? new { keys = new[] { "k" } } : null, key);
        var ping = await http.GetAsync("/cache/ping", key);

        reply.Status.Should().Be(HttpStatusCode.Forbidden, reply.Text);
        ping.Status.Should().Be(HttpStatusCode.OK, ping.Text);
    }

    private async Task<string> StreamTextAsync(string prompt)
    {
        var text = new StringBuilder();
        await foreach (var update in ChatClient().CompleteChatStreamingAsync([new UserChatMessage(prompt)]))
        {
            foreach (var part in update.ContentUpdate)
            {
                text.Append(part.Text);
            }
        }

        return text.ToString();
    }

    private static string? Header(System.ClientModel.Primitives.PipelineResponse response, string name) =>
        response.Headers.TryGetValue(name, out var value) ? value : null;
}
