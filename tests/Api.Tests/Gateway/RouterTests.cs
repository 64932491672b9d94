using System.ClientModel;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using LlmPlatform.FakeUpstream;
using LlmPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using OpenAI;
using OpenAI.Chat;

namespace LlmPlatform.Api.Tests.Gateway;

/// <summary>Retries, Retry-After, cooldown and recovery, fallbacks and each routing strategy, through the real gateway.</summary>
public sealed class RouterTests
{
    private FakeUpstreamServer _a = null!;
    private FakeUpstreamServer _b = null!;

    [OneTimeSetUp]
    public async Task StartFakesAsync()
    {
        _a = await FakeUpstreamServer.StartAsync();
        _b = await FakeUpstreamServer.StartAsync();
    }

    [OneTimeTearDown]
    public async Task StopFakesAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
    }

    [SetUp]
    public void ResetFakes()
    {
        _a.Script.Reset();
        _b.Script.Reset();
    }

    /// <summary>Both deployments of the group answer with <paramref name="answer"/>; sends one chat request to the group.</summary>
    private async Task<HttpResponseMessage> ChatWithBothAnsweringAsync(ApiServer api, Behavior answer)
    {
        _a.Script.SetDefault(Routes.OpenAiChat, answer);
        _b.Script.SetDefault(Routes.OpenAiChat, answer);
        return await api.Client.PostAsync("v1/chat/completions", new StringContent("""{"model":"group","messages":[{"role":"user","content":"hi"}]}""", Encoding.UTF8, "application/json"));
    }

    private string TwoDeployments(string router, string extraA = "", string extraB = "") => $"""
        model_list:
          - model_name: group
            litellm_params:
              model: openai/model-a
              api_base: {_a.BaseUrl}/v1
              api_key: sk-upstream-secret-a
        {extraA}
            model_info:
              id: dep-a
          - model_name: group
            litellm_params:
              model: openai/model-b
              api_base: {_b.BaseUrl}/v1
              api_key: sk-upstream-secret-b
        {extraB}
            model_info:
              id: dep-b
        router_settings:
        {router}
        """;

    private static async Task<HttpResponseMessage> ChatAsync(ApiServer api, string model = "group", bool stream = false)
    {
        var body = $$"""{"model":"{{model}}","stream":{{(stream ? "true" : "false")}},"messages":[{"role":"user","content":"hi"}]}""";
        return await api.Client.PostAsync("v1/chat/completions", new StringContent(body, Encoding.UTF8, "application/json"));
    }

    private static string Header(HttpResponseMessage response, string name) => response.Headers.GetValues(name).Single();

    [Test]
    public async Task Upstream429WithRetryAfter_IsRetriedAfterTheWait()
    {
        await using var api = await ApiServer.StartAsync($"""
            model_list:
              - model_name: solo
                litellm_params:
                  model: openai/solo
                  api_base: {_a.BaseUrl}/v1
            router_settings:
              num_retries: 2
            """);
        _a.Script.Enqueue(Routes.OpenAiChat, Behavior.Fail(429, retryAfterSeconds: 1));

        var watch = Stopwatch.StartNew();
        using var response = await ChatAsync(api, "solo");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        Header(response, "x-llmplatform-attempts").Should().Be("2");
        watch.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(0.95), "Retry-After: 1 is honoured");
        _a.Script.Received.Should().HaveCount(2);
    }

    [Test]
    public async Task Upstream400_IsNotRetried_AndKeepsItsStatus()
    {
        await using var api = await ApiServer.StartAsync(TwoDeployments("  num_retries: 3"));
        _a.Script.SetDefault(Routes.OpenAiChat, Behavior.Fail(400));
        _b.Script.SetDefault(Routes.OpenAiChat, Behavior.Fail(400));

        using var response = await ChatAsync(api);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (_a.Script.Received.Count + _b.Script.Received.Count).Should().Be(1);
    }

    [Test]
    public async Task Upstream500OnEveryAttempt_Is502NamingTheProviderWithoutTheKey()
    {
        await using var api = await ApiServer.StartAsync(TwoDeployments("  num_retries: 1\n  allowed_fails: 100"));
        _a.Script.SetDefault(Routes.OpenAiChat, Behavior.Fail(500));
        _b.Script.SetDefault(Routes.OpenAiChat, Behavior.Fail(500));

        using var response = await ChatAsync(api);
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.BadGateway);
        body.Should().Contain("openai").And.NotContain("sk-upstream-secret");
        (_a.Script.Received.Count + _b.Script.Received.Count).Should().Be(2, "one retry, on the other deployment");
        _a.Script.Received.Should().ContainSingle().Which.Headers["authorization"].Should().Be("Bearer sk-upstream-secret-a");
    }

    [Test]
    public async Task FailingDeployment_CoolsDown_ThenRecovers()
    {
        await using var api = await ApiServer.StartAsync(TwoDeployments("  num_retries: 1\n  allowed_fails: 0\n  cooldown_time: 1\n  routing_strategy: least-busy"));
        _a.Script.SetDefault(Routes.OpenAiChat, Behavior.Fail(503));

        // Ties between idle deployments are broken at random: go on until dep-a has had its (failing) turn.
        for (var i = 0; i < 40 && _a.Script.Received.Count == 0; i++)
        {
            using var response = await ChatAsync(api);
            response.StatusCode.Should().Be(HttpStatusCode.OK, "a failed attempt on dep-a is retried on dep-b");
        }

        _a.Script.Received.Should().HaveCount(1);
        for (var i = 0; i < 6; i++)
        {
            using var response = await ChatAsync(api);
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            Header(response, "x-llmplatform-model-id").Should().Be("dep-b");
        }

        _a.Script.Received.Should().HaveCount(1, "after its first failure dep-a cools down and gets no traffic");

        _a.Script.Reset();
        await Task.Delay(TimeSpan.FromSeconds(1.3));
        var used = new HashSet<string>();
        for (var i = 0; i < 20 && !used.Contains("dep-a"); i++)
        {
            using var response = await ChatAsync(api);
            used.Add(Header(response, "x-llmplatform-model-id"));
        }

        used.Should().Contain("dep-a", "after the cooldown the deployment takes traffic again");
    }

    [Test]
    public async Task EveryDeploymentCoolingDown_Is503()
    {
        await using var api = await ApiServer.StartAsync(TwoDeployments("  num_retries: 1\n  allowed_fails: 0\n  cooldown_time: 30"));
        _a.Script.SetDefault(Routes.OpenAiChat, Behavior.Fail(500));
        _b.Script.SetDefault(Routes.OpenAiChat, Behavior.Fail(500));

        using var first = await ChatAsync(api);
        first.StatusCode.Should().Be(HttpStatusCode.BadGateway);
        using var second = await ChatAsync(api);

        second.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await second.Content.ReadAsStringAsync()).Should().Contain("no_deployments_available");
    }

    [Test]
    public async Task FailingGroup_FallsBackToTheNextGroup()
    {
        await using var api = await ApiServer.StartAsync($"""
            model_list:
              - model_name: primary
                litellm_params:
                  model: openai/primary
                  api_base: {_a.BaseUrl}/v1
                model_info:
                  id: dep-primary
              - model_name: backup
                litellm_params:
                  model: mock/backup
                  mock_response: from the backup
                model_info:
                  id: dep-backup
            router_settings:
              num_retries: 1
              fallbacks: [{"{"}"primary": ["backup"]{"}"}]
            """);
        _a.Script.SetDefault(Routes.OpenAiChat, Behavior.Fail(502));

        using var response = await ChatAsync(api, "primary");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        Header(response, "x-llmplatform-model-id").Should().Be("dep-backup");
        Header(response, "x-llmplatform-attempts").Should().Be("3", "two attempts on the primary, then the fallback");
        (await response.Content.ReadAsStringAsync()).Should().Contain("from the backup");
    }

    [Test]
    public async Task ContextWindowError_UsesContextWindowFallbacks()
    {
        await using var api = await ApiServer.StartAsync($"""
            model_list:
              - model_name: small
                litellm_params:
                  model: openai/small
                  api_base: {_a.BaseUrl}/v1
              - model_name: large
                litellm_params:
                  model: mock/large
                  mock_response: large context answer
            router_settings:
              num_retries: 0
              context_window_fallbacks: [{"{"}"small": ["large"]{"}"}]
            """);
        _a.Script.SetDefault(Routes.OpenAiChat, Behavior.Fail(400, body: """{"error":{"message":"too long","type":"invalid_request_error","code":"context_length_exceeded"}}"""));

        using var response = await ChatAsync(api, "small");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("large context answer");
    }

    [Test]
    public async Task HangingUpstream_TimesOutWith504()
    {
        await using var api = await ApiServer.StartAsync($"""
            model_list:
              - model_name: slow
                litellm_params:
                  model: openai/slow
                  api_base: {_a.BaseUrl}/v1
                  timeout: 0.5
            router_settings:
              num_retries: 0
            """);
        _a.Script.SetDefault(Routes.OpenAiChat, Behavior.Hang());

        var watch = Stopwatch.StartNew();
        using var response = await ChatAsync(api, "slow");

        response.StatusCode.Should().Be(HttpStatusCode.GatewayTimeout);
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
    }

    [Test]
    public async Task CostBasedRouting_PicksTheCheaperDeployment()
    {
        await using var api = await ApiServer.StartAsync(TwoDeployments(
            "  routing_strategy: cost-based-routing",
            "      input_cost_per_token: 0.00001",
            "      input_cost_per_token: 0.000001"));

        for (var i = 0; i < 10; i++)
        {
            using var response = await ChatAsync(api);
            Header(response, "x-llmplatform-model-id").Should().Be("dep-b");
        }
    }

    [Test]
    public async Task LatencyBasedRouting_PrefersTheFasterDeployment()
    {
        await using var api = await ApiServer.StartAsync(TwoDeployments("  routing_strategy: latency-based-routing"));
        _a.Script.SetDefault(Routes.OpenAiChat, Behavior.Answer(TimeSpan.FromMilliseconds(150)));

        for (var i = 0; i < 4; i++)
        {
            using var warmup = await ChatAsync(api);
        }

        var picks = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            using var response = await ChatAsync(api);
            picks.Add(Header(response, "x-llmplatform-model-id"));
        }

        picks.Should().AllBe("dep-b");
    }

    [Test]
    public async Task LeastBusyRouting_AvoidsTheDeploymentWithAnOpenRequest()
    {
        await using var api = await ApiServer.StartAsync(TwoDeployments("  routing_strategy: least-busy"));
        _a.Script.SetDefault(Routes.OpenAiChat, Behavior.Answer(TimeSpan.FromSeconds(2)));
        _b.Script.SetDefault(Routes.OpenAiChat, Behavior.Answer(TimeSpan.FromSeconds(2)));

        var first = ChatAsync(api);
        await Task.Delay(300);
        using var second = await ChatAsync(api);
        using var firstResponse = await first;

        Header(second, "x-llmplatform-model-id").Should().NotBe(Header(firstResponse, "x-llmplatform-model-id"));
    }

    [Test]
    public async Task UsageBasedRouting_SpreadsTokensAcrossDeployments()
    {
        // Usage is counted per clock minute. The gateway's clock starts one second into a minute, so the six
        // requests cannot straddle a minute's turn (which would reset the counts and skew the split).
        var clock = new ShiftableTimeProvider();
        var now = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromSeconds(61) - TimeSpan.FromTicks(now.Ticks % TimeSpan.TicksPerMinute));
        await using var api = await ApiServer.StartAsync(
            TwoDeployments("  routing_strategy: usage-based-routing-v2"),
            configureServices: s => s.AddSingleton<TimeProvider>(clock));
        var picks = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await ChatAsync(api);
            picks.Add(Header(response, "x-llmplatform-model-id"));
        }

        picks.Count(p => p == "dep-a").Should().Be(3);
        picks.Count(p => p == "dep-b").Should().Be(3);
    }

    [Test]
    public async Task SimpleShuffle_FollowsTheWeights()
    {
        await using var api = await ApiServer.StartAsync("""
            model_list:
              - model_name: weighted
                litellm_params: {model: mock/heavy, weight: 9}
                model_info: {id: heavy}
              - model_name: weighted
                litellm_params: {model: mock/light, weight: 1}
                model_info: {id: light}
            """);

        var heavy = 0;
        for (var i = 0; i < 200; i++)
        {
            using var response = await ChatAsync(api, "weighted");
            heavy += Header(response, "x-llmplatform-model-id") == "heavy" ? 1 : 0;
        }

        heavy.Should().BeInRange(160, 195);
    }

    [Test]
    public async Task StreamResetBeforeFirstByte_IsRetriedTransparently()
    {
        await using var api = await ApiServer.StartAsync(TwoDeployments("  num_retries: 2"));
        _a.Script.Enqueue(Routes.OpenAiChat, Behavior.ResetBeforeFirstByte());
        _b.Script.Enqueue(Routes.OpenAiChat, Behavior.ResetBeforeFirstByte());

        var client = new ChatClient("group", new ApiKeyCredential(ApiServer.MasterKey), new OpenAIClientOptions { Endpoint = api.OpenAiEndpoint });
        var text = new StringBuilder();
        await foreach (var update in client.CompleteChatStreamingAsync([new UserChatMessage("hi")]))
        {
            foreach (var part in update.ContentUpdate)
            {
                text.Append(part.Text);
            }
        }

        text.ToString().Should().StartWith("Fake word1");
    }

    [Test]
    public async Task StreamResetMidway_EndsWithAnErrorNotAFakeFinish()
    {
        await using var api = await ApiServer.StartAsync(TwoDeployments("  num_retries: 2"));
        _a.Script.SetDefault(Routes.OpenAiChat, Behavior.ResetMidStream(3));
        _b.Script.SetDefault(Routes.OpenAiChat, Behavior.ResetMidStream(3));

        using var response = await ChatAsync(api, stream: true);
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK, "the stream had started");
        body.Should().Contain("\"error\"").And.NotContain("[DONE]").And.NotContain("\"finish_reason\":\"stop\"");
        (_a.Script.Received.Count + _b.Script.Received.Count).Should().Be(1, "a started stream is never retried");
    }

    [Test]
    public async Task SlowStream_EachChunkReachesTheClientWhileTheUpstreamIsStillWriting()
    {
        await using var api = await ApiServer.StartAsync(TwoDeployments("  num_retries: 0"));
        var paced = new Behavior { Text = "one two three four five six", ChunkDelay = TimeSpan.FromMilliseconds(250) };
        _a.Script.SetDefault(Routes.OpenAiChat, paced);
        _b.Script.SetDefault(Routes.OpenAiChat, paced);
        var client = new ChatClient("group", new ApiKeyCredential(ApiServer.MasterKey), new OpenAIClientOptions { Endpoint = api.OpenAiEndpoint });

        var clock = Stopwatch.StartNew();
        var arrivals = new List<(TimeSpan At, string Text)>();
        await foreach (var update in client.CompleteChatStreamingAsync([new UserChatMessage("pace")]))
        {
            foreach (var part in update.ContentUpdate)
            {
                if (part.Text.Length > 0)
                {
                    arrivals.Add((clock.Elapsed, part.Text));
                }
            }
        }

        string.Concat(arrivals.Select(a => a.Text)).Should().Be("one two three four five six");
        arrivals.Should().HaveCount(6);
        for (var i = 1; i < arrivals.Count; i++)
        {
            (arrivals[i].At - arrivals[i - 1].At).Should().BeGreaterThan(
                TimeSpan.FromMilliseconds(120),
                "a chunk goes out as soon as the upstream pauses, not with the next one (chunk {0})",
                i);
        }
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task OpenAiStream_RelaysTheUpstreamEventsAsTheyWereSent(bool includeUsage)
    {
        await using var api = await ApiServer.StartAsync(TwoDeployments("  num_retries: 0"));
        var body = includeUsage
            ? """{"model":"group","stream":true,"stream_options":{"include_usage":true},"messages":[{"role":"user","content":"verbatim"}]}"""
            : """{"model":"group","stream":true,"messages":[{"role":"user","content":"verbatim"}]}""";
        using var response = await api.Client.PostAsync("v1/chat/completions", new StringContent(body, Encoding.UTF8, "application/json"));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var events = (await response.Content.ReadAsStringAsync())
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(e => e.StartsWith("data: ", StringComparison.Ordinal) ? e["data: ".Length..] : e)
            .ToList();

        events[^1].Should().Be("[DONE]");
        var chunks = events[..^1];
        var content = chunks.Where(c => c.Contains("\"delta\":", StringComparison.Ordinal)).ToList();
        content.Should().NotBeEmpty();

        // The fake upstream writes "logprobs":null and "finish_reason":null on every choice and puts
        // system_fingerprint before choices; a re-serialized chunk would drop the nulls. Relayed as sent, they stay.
        content.Should().OnlyContain(c => c.Contains("\"system_fingerprint\":\"fp_fake\",\"choices\":[{\"index\":0,\"delta\":", StringComparison.Ordinal));
        content.Should().OnlyContain(c => c.Contains("\"logprobs\":null", StringComparison.Ordinal));
        if (includeUsage)
        {
            chunks[^1].Should().Contain("\"choices\":[],\"usage\":{\"prompt_tokens\":", "the usage chunk the client asked for is relayed as sent too");
        }
        else
        {
            chunks.Should().NotContain(c => c.Contains("\"usage\"", StringComparison.Ordinal), "usage the client did not ask for is not sent");
        }
    }

    [Test]
    public async Task OpenAiAnswer_IsRelayedAsTheUpstreamWroteIt()
    {
        await using var api = await ApiServer.StartAsync(TwoDeployments("  num_retries: 0"));
        // Fields the gateway does not model (service_tier, a reasoning model's reasoning_content, usage details) and
        // explicit nulls: a re-serialized answer would lose them.
        const string answer = """{"id":"chatcmpl-raw","object":"chat.completion","created":1767225600,"model":"m-a","service_tier":"default","choices":[{"index":0,"message":{"role":"assistant","content":"Hello.","reasoning_content":"The user greets me.","refusal":null,"annotations":[]},"logprobs":null,"finish_reason":"stop"}],"usage":{"prompt_tokens":9,"completion_tokens":2,"total_tokens":11,"completion_tokens_details":{"reasoning_tokens":5}},"system_fingerprint":null}""";
        using var response = await ChatWithBothAnsweringAsync(api, Behavior.Fail(200, body: answer));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be(answer);
        response.Content.Headers.ContentLength.Should().Be(Encoding.UTF8.GetByteCount(answer));
        response.Headers.GetValues("x-llmplatform-model-id").Single().Should().NotBeNullOrEmpty();
    }

    [Test]
    public async Task OpenAiAnswerCompressedByTheUpstream_IsRelayedWhole()
    {
        await using var api = await ApiServer.StartAsync(TwoDeployments("  num_retries: 0"));
        var answer = "{\"id\":\"chatcmpl-gz\",\"object\":\"chat.completion\",\"created\":1767225600,\"model\":\"m-a\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\""
            + new string('a', 4000)
            + "\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":1000,\"total_tokens\":1009}}";
        using var response = await ChatWithBothAnsweringAsync(api, Behavior.Fail(200, body: answer) with { Gzip = true });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be(answer, "the declared length was the compressed one; the answer is the decompressed whole");
    }

    // Answers relayed as their bytes still have their choices checked: a malformed one is the upstream's fault.
    [TestCase("""{"id":"x","object":"chat.completion","created":1,"model":"m-a","choices":"none","usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}""")]
    [TestCase("""{"id":"x","object":"chat.completion","created":1,"model":"m-a","choices":[null],"usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}""")]
    [TestCase("""{"id":"x","object":"chat.completion","created":1,"model":"m-a","choices":[{"index":0,"message":{"content":5}}],"usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}""")]
    [TestCase("""{"id":"x","object":"chat.completion","created":1,"model":"m-a","choices":[{"index":0,"message":{"content":"\ud800"}}],"usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}""")]
    [TestCase("""{"id":"x","object":"chat.completion","created":1,"model":"m-a","choices":[{"index":"0","message":{}}],"usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}""")]
    [TestCase("""{"id":"x","object":"chat.completion","created":1,"model":"m-a","choices":[{"index":0,"message":{"tool_calls":{}}}],"usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}""")]
    public async Task OpenAiAnswerWithMalformedChoices_Is502(string answer)
    {
        await using var api = await ApiServer.StartAsync(TwoDeployments("  num_retries: 0"));
        using var response = await ChatWithBothAnsweringAsync(api, Behavior.Fail(200, body: answer));

        response.StatusCode.Should().Be(HttpStatusCode.BadGateway);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("error").GetProperty("message").GetString().Should().Contain("openai");
    }

    [Test]
    public async Task OpenAiAnswerWithoutUsage_GoesOutWithTheUsageTheGatewayCounted()
    {
        await using var api = await ApiServer.StartAsync(TwoDeployments("  num_retries: 0"));
        const string answer = """{"id":"chatcmpl-raw","object":"chat.completion","created":1767225600,"model":"m-a","choices":[{"index":0,"message":{"role":"assistant","content":"Hello there, how are you?"},"finish_reason":"stop"}]}""";
        using var response = await ChatWithBothAnsweringAsync(api, Behavior.Fail(200, body: answer));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("id").GetString().Should().Be("chatcmpl-raw");
        json.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString().Should().Be("Hello there, how are you?");
        json.RootElement.GetProperty("usage").GetProperty("completion_tokens").GetInt32().Should().BePositive();
        json.RootElement.GetProperty("usage").GetProperty("prompt_tokens").GetInt32().Should().BePositive();
    }

    [TestCase("")]
    [TestCase("{\"id\":")]
    [TestCase("[1,2]")]
    public async Task OpenAiAnswerThatIsNotAnAnswer_IsABadGateway(string body)
    {
        await using var api = await ApiServer.StartAsync(TwoDeployments("  num_retries: 0"));
        using var response = await ChatWithBothAnsweringAsync(api, Behavior.Fail(200, body: body));

        response.StatusCode.Should().Be(HttpStatusCode.BadGateway);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("error").GetProperty("message").GetString().Should().NotBeNullOrEmpty();
    }

    [Test]
    public async Task ClientDisconnect_CancelsTheUpstreamRequest()
    {
        await using var api = await ApiServer.StartAsync(TwoDeployments("  num_retries: 0"));
        var slow = new Behavior { ChunkDelay = TimeSpan.FromMilliseconds(300) };
        _a.Script.SetDefault(Routes.OpenAiChat, slow);
        _b.Script.SetDefault(Routes.OpenAiChat, slow);

        using (var request = new HttpRequestMessage(HttpMethod.Post, "v1/chat/completions"))
        {
            request.Content = new StringContent("""{"model":"group","stream":true,"messages":[{"role":"user","content":"hi"}]}""", Encoding.UTF8, "application/json");
            using var response = await api.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            await using var stream = await response.Content.ReadAsStreamAsync();
            var buffer = new byte[64];
            (await stream.ReadAsync(buffer)).Should().BePositive();
        }

        var aborted = 0;
        for (var i = 0; i < 40 && aborted == 0; i++)
        {
            await Task.Delay(100);
            aborted = _a.Script.Aborted + _b.Script.Aborted;
        }

        aborted.Should().Be(1, "leaving the gateway stops the upstream call at once");
    }
}
