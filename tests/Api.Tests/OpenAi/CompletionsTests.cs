using System.Net;
using System.Text;
using System.Text.Json;
using LlmPlatform.FakeUpstream;

namespace LlmPlatform.Api.Tests.OpenAi;

/// <summary>
/// The legacy <c>POST /v1/completions</c> (the OpenAI .NET SDK has no client for it, so raw HTTP): passed through
/// to OpenAI-compatible upstreams, translated to chat for the mock.
/// </summary>
public sealed class CompletionsTests : GatewayFixture
{
    protected override string Config(string fake) => $"""
        model_list:
          - model_name: mock-text
            litellm_params:
              model: mock/instruct
          - model_name: gpt-3.5-turbo-instruct
            litellm_params:
              model: openai/gpt-3.5-turbo-instruct
              api_base: {fake}/v1
              api_key: sk-upstream
        router_settings:
          num_retries: 0
          fallbacks:
            - gpt-3.5-turbo-instruct:
                - mock-text
        """;

    [SetUp]
    public void ResetFake() => Fake.Script.Reset();

    [Test]
    public async Task Completions_WithMock_TranslatesThroughChat()
    {
        using var body = await PostOkAsync("v1/completions", """{"model":"mock-text","prompt":"Say hi","max_tokens":20,"user":"u1"}""");

        var root = body.RootElement;
        root.GetProperty("object").GetString().Should().Be("text_completion");
        root.GetProperty("id").GetString().Should().StartWith("cmpl-");
        root.GetProperty("choices")[0].GetProperty("text").GetString().Should().Be("This is a mock answer from instruct. You said: Say hi");
        root.GetProperty("choices")[0].GetProperty("finish_reason").GetString().Should().Be("stop");
        root.GetProperty("choices")[0].GetProperty("logprobs").ValueKind.Should().Be(JsonValueKind.Null, "OpenAI writes logprobs as null");
        root.GetProperty("usage").GetProperty("completion_tokens").GetInt32().Should().BePositive();
    }

    [Test]
    public async Task Completions_WithMockAndEcho_PutsThePromptFirst()
    {
        using var body = await PostOkAsync("v1/completions", """{"model":"mock-text","prompt":["Once"],"echo":true}""");
        body.RootElement.GetProperty("choices")[0].GetProperty("text").GetString().Should().StartWith("OnceThis is a mock answer");
    }

    [Test]
    public async Task Completions_StreamedWithMock_StreamsTextChunksThenDone()
    {
        var events = await StreamAsync("""{"model":"mock-text","prompt":"stream me","stream":true}""");

        events[^1].Should().Be("[DONE]");
        var chunks = events[..^1].Select(e => JsonDocument.Parse(e).RootElement).ToList();
        chunks.Should().OnlyContain(c => c.GetProperty("object").GetString() == "text_completion");
        string.Concat(chunks.SelectMany(c => c.GetProperty("choices").EnumerateArray()).Select(c => c.GetProperty("text").GetString()))
            .Should().Be("This is a mock answer from instruct. You said: stream me");
    }

    [Test]
    public async Task Completions_WithMockAndSeveralPrompts_Is400()
    {
        using var response = await PostAsync("v1/completions", """{"model":"mock-text","prompt":["a","b"]}""");
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("single string");
    }

    [Test]
    public async Task Completions_WithOpenAiUpstream_PassesThroughToCompletions()
    {
        using var body = await PostOkAsync("v1/completions", """{"model":"gpt-3.5-turbo-instruct","prompt":[1,2,3],"suffix":"end","logprobs":2}""");

        body.RootElement.GetProperty("choices")[0].GetProperty("text").GetString().Should().StartWith("Fake word1");
        body.RootElement.GetProperty("usage").GetProperty("prompt_tokens").GetInt32().Should().Be(5);
        var request = Fake.Script.Received.Single(r => r.Route == Routes.OpenAiCompletions);
        request.Body.Should().Contain("\"model\":\"gpt-3.5-turbo-instruct\"").And.Contain("\"prompt\":[1,2,3]")
            .And.Contain("\"suffix\":\"end\"").And.Contain("\"logprobs\":2");
        request.Headers["authorization"].Should().Be("Bearer sk-upstream");
    }

    [Test]
    public async Task Completions_StreamedFromOpenAiUpstream_RelaysChunksAndUsageOnlyWhenAsked()
    {
        var plain = await StreamAsync("""{"model":"gpt-3.5-turbo-instruct","prompt":"p","stream":true}""");
        var withUsage = await StreamAsync("""{"model":"gpt-3.5-turbo-instruct","prompt":"p","stream":true,"stream_options":{"include_usage":true}}""");

        plain[^1].Should().Be("[DONE]");
        plain.Should().NotContain(e => e.Contains("\"usage\""));
        string.Concat(plain[..^1].Select(e => JsonDocument.Parse(e).RootElement.GetProperty("choices")[0].GetProperty("text").GetString()))
            .Should().StartWith("Fake word1 word2");
        withUsage.Should().Contain(e => e.Contains("\"completion_tokens\":12"));
        Fake.Script.Received.Last(r => r.Route == Routes.OpenAiCompletions).Body.Should().Contain("\"include_usage\":true");
    }

    [Test]
    public async Task Completions_UpstreamResetMidStream_EndsWithAnErrorEventAndNoDone()
    {
        Fake.Script.Enqueue(Routes.OpenAiCompletions, Behavior.ResetMidStream(2) with { ChunkDelay = TimeSpan.FromMilliseconds(100) });
        var events = await StreamAsync("""{"model":"gpt-3.5-turbo-instruct","prompt":"p","stream":true}""");

        events.Should().NotContain("[DONE]");
        events.Should().HaveCount(3);
        events[0].Should().Contain("\"text\":\"Fake\"");
        events[^1].Should().Contain("\"error\"");
    }

    [Test]
    public async Task Completions_UpstreamFailsBeforeItsFirstChunk_FallsBackBeforeAnythingIsSent()
    {
        Fake.Script.Enqueue(Routes.OpenAiCompletions, Behavior.ResetMidStream(0) with { ChunkDelay = TimeSpan.FromMilliseconds(200) });
        var events = await StreamAsync("""{"model":"gpt-3.5-turbo-instruct","prompt":"fall back","stream":true}""");

        events[^1].Should().Be("[DONE]");
        string.Concat(events[..^1].Select(e => JsonDocument.Parse(e).RootElement.GetProperty("choices")[0].GetProperty("text").GetString()))
            .Should().Be("This is a mock answer from instruct. You said: fall back");
        Fake.Script.Received.Count(r => r.Route == Routes.OpenAiCompletions).Should().Be(1);
    }

    [Test]
    public async Task Completions_UpstreamFails_KeepsItsStatusAndRecordsAFailure()
    {
        Fake.Script.Enqueue(Routes.OpenAiCompletions, Behavior.Fail(400));
        var rows = await SpendRowsAsync("v1/completions", """{"model":"gpt-3.5-turbo-instruct","prompt":"p"}""", HttpStatusCode.BadRequest);
        rows.Should().Equal(("text_completion", "failure"));
    }

    [Test]
    public async Task Completions_Streamed_WritesOneSuccessRowAtTheEnd()
    {
        using var response = await PostAsync("v1/completions", """{"model":"mock-text","prompt":"ledger","stream":true}""");
        (await response.Content.ReadAsStringAsync()).Should().EndWith("data: [DONE]\n\n");
        var rows = await SpendLogProbe.RowsAsync(Api, response.Headers.GetValues("x-request-id").Single());
        rows.Should().Equal(("text_completion", "success"));
    }

    [TestCase("""{"prompt":"x"}""", "model", HttpStatusCode.BadRequest)]
    [TestCase("""{"model":"mock-text"}""", "prompt", HttpStatusCode.BadRequest)]
    [TestCase("""{"model":"mock-text","prompt":{"a":1}}""", "prompt", HttpStatusCode.BadRequest)]
    [TestCase("""{"model":"mock-text","prompt":"x","max_tokens":0}""", "max_tokens", HttpStatusCode.BadRequest)]
    [TestCase("""{"model":"mock-text","prompt":"x","temperature":3}""", "temperature", HttpStatusCode.BadRequest)]
    [TestCase("""{"model":"mock-text","prompt":"x","logprobs":9}""", "logprobs", HttpStatusCode.BadRequest)]
    [TestCase("""{"model":"mock-text","prompt":"x","stop":[1]}""", "stop", HttpStatusCode.BadRequest)]
    [TestCase("""{"model":"mock-text","prompt":"x","n":"two"}""", "n", HttpStatusCode.BadRequest)]
    [TestCase("""{"model":"absent","prompt":"x"}""", "model", HttpStatusCode.NotFound)]
    public async Task Completions_BadInput_IsAClientErrorNamingTheParam(string body, string param, HttpStatusCode status) =>
        await ExpectErrorAsync("v1/completions", body, status, param);

    [Test]
    public async Task Completions_WithoutV1Prefix_IsServedToo()
    {
        using var body = await PostOkAsync("completions", """{"model":"mock-text","prompt":"no prefix"}""");
        body.RootElement.GetProperty("choices")[0].GetProperty("text").GetString().Should().EndWith("no prefix");
    }

    /// <summary>The <c>data:</c> payloads of a streamed answer, in order.</summary>
    private async Task<string[]> StreamAsync(string body)
    {
        using var response = await PostAsync("v1/completions", body);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/event-stream");
        var text = await response.Content.ReadAsStringAsync();
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(l => l.StartsWith("data: ", StringComparison.Ordinal))
            .Select(l => l["data: ".Length..])
            .ToArray();
    }
}
