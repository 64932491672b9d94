using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using LlmPlatform.FakeUpstream;
using LlmPlatform.TestSupport;

namespace LlmPlatform.Api.Tests.PassThrough;

/// <summary><c>ANY /v1/{provider}/{**path}</c> (no SDK speaks it): raw forwarding with the stored credential, and no way out of the base URL.</summary>
public sealed class PassThroughTests : GatewayFixture
{
    protected override string Config(string fake) => $"""
        model_list:
          - model_name: gpt-upstream
            litellm_params:
              model: openai/gpt-4o-mini
              api_base: {fake}/v1
              api_key: sk-stored-openai
          - model_name: cohere-rerank
            litellm_params:
              model: cohere/rerank-v3.5
              api_base: {fake}
              api_key: stored-cohere
          - model_name: mock-chat
            litellm_params:
              model: mock/demo
        """;

    [SetUp]
    public void ResetFake() => Fake.Script.Reset();

    [Test]
    public async Task Forward_ChatCompletion_UsesTheStoredKeyAndRelaysTheAnswer()
    {
        using var response = await PostAsync("v1/openai/chat/completions", """{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}]}""");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("object").GetString().Should().Be("chat.completion");
        var upstream = Fake.Script.Received.Single(r => r.Route == Routes.OpenAiChat);
        upstream.PathAndQuery.Should().Be("/v1/chat/completions");
        upstream.Headers["authorization"].Should().Be("Bearer sk-stored-openai");
        upstream.Headers.Values.Should().NotContain(v => v.Contains(ApiServer.MasterKey));
        upstream.Body.Should().Be("""{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}]}""");
    }

    [Test]
    public async Task Forward_StreamedAnswer_RelaysTheEventStream()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/openai/chat/completions")
        {
            Content = new StringContent("""{"model":"gpt-4o-mini","stream":true,"messages":[{"role":"user","content":"hi"}]}""", Encoding.UTF8, "application/json"),
        };
        using var response = await Api.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        response.Content.Headers.ContentType!.MediaType.Should().Be("text/event-stream");
        var text = await response.Content.ReadAsStringAsync();
        text.Should().Contain("\"object\":\"chat.completion.chunk\"").And.EndWith("data: [DONE]\n\n");
    }

    [Test]
    public async Task Forward_WithQueryAndClientKeyHeaders_ForwardsTheQueryButNeverTheClientKey()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/cohere/v2/rerank?trace=1")
        {
            Content = new StringContent("""{"model":"rerank-v3.5","query":"q","documents":["q"]}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("x-api-key", ApiServer.MasterKey);
        using var response = await Api.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var upstream = Fake.Script.Received.Single(r => r.Route == Routes.CohereRerank);
        upstream.PathAndQuery.Should().Be("/v2/rerank?trace=1");
        upstream.Headers["authorization"].Should().Be("Bearer stored-cohere");
        upstream.Headers.Should().NotContainKey("x-api-key");
    }

    [Test]
    public async Task Forward_UpstreamError_KeepsItsStatusAndBody()
    {
        Fake.Script.Enqueue(Routes.OpenAiChat, Behavior.Fail(429, retryAfterSeconds: 7));
        using var response = await PostAsync("v1/openai/chat/completions", """{"model":"gpt-4o-mini","messages":[]}""");

        response.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(7));
        (await response.Content.ReadAsStringAsync()).Should().Contain("Fake upstream error 429");
    }

    [Test]
    public async Task Forward_UpstreamErrorWithoutBody_GoesOutAsItCame()
    {
        // The fake upstream answers a path it does not know with a bare 404.
        using var response = await Api.Client.GetAsync("v1/openai/no-such-upstream-path");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).Should().BeEmpty("the upstream's answer is relayed, not replaced by the gateway's 'No route'");
    }

    [Test]
    public async Task Forward_Success_WritesOnePassThroughSpendRow()
    {
        var rows = await SpendRowsAsync("v1/openai/chat/completions", """{"model":"gpt-4o-mini","messages":[{"role":"user","content":"x"}]}""", HttpStatusCode.OK);
        rows.Should().Equal(("pass_through", "success"));
    }

    [Test]
    public async Task Forward_ProviderWithoutDeployment_Is404InTheEnvelope()
    {
        using var response = await PostAsync("v1/anthropic/v1/messages", "{}");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        error.RootElement.GetProperty("error").GetProperty("code").GetString().Should().Be("provider_not_configured");
    }

    [Test]
    public async Task Forward_WithoutKey_Is401AndSendsNothing()
    {
        using var anonymous = new HttpClient { BaseAddress = Api.BaseUri };
        using var response = await anonymous.PostAsync("v1/openai/chat/completions", new StringContent("{}", Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        Fake.Script.Received.Should().BeEmpty();
    }

    [TestCase("v1/openai/..%2F..%2Fadmin")]
    [TestCase("v1/openai/%2e%2e%2fsecret")]
    [TestCase("v1/openai/chat/%2E%2E/%2E%2E/%2E%2E/etc/passwd")]
    [TestCase("v1/openai/chat/..%5c..%5cadmin")]
    [TestCase("v1/openai//evil.example/x")]
    [TestCase("v1/openai/http:%2F%2Fevil.example%2Fx")]
    public async Task Forward_PathLeavingTheBase_IsRefusedAndSendsNothing(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Api.BaseUri + path, UriKind.Absolute));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiServer.MasterKey);
        using var response = await new HttpClient().SendAsync(request);

        ((int)response.StatusCode).Should().BeOneOf(400, 404);
        response.StatusCode.Should().NotBe(HttpStatusCode.OK);
        Fake.Script.Received.Should().BeEmpty();
    }

    [TestCase("v1/openai/..%2F..%2Fadmin")]
    [TestCase("v1/openai/chat/..%5Cadmin")]
    [TestCase("v1/openai/chat/%252e%252e/admin")]
    public async Task Forward_EncodedEscape_Is400NamingThePath(string path)
    {
        using var response = await Api.Client.GetAsync(new Uri(Api.BaseUri + path, UriKind.Absolute));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        error.RootElement.GetProperty("error").GetProperty("param").GetString().Should().Be("path");
        Fake.Script.Received.Should().BeEmpty();
    }

    [Test]
    public async Task Forward_DoesNotShadowTheGatewayOwnRoutes()
    {
        using var models = await Api.Client.GetAsync("v1/models");
        models.StatusCode.Should().Be(HttpStatusCode.OK);
        (await models.Content.ReadAsStringAsync()).Should().Contain("gpt-upstream");

        using var rerank = await PostAsync("v1/rerank", """{"model":"cohere-rerank","query":"q","documents":["q"]}""");
        rerank.StatusCode.Should().Be(HttpStatusCode.OK);
        Fake.Script.Received.Single().PathAndQuery.Should().Be("/v2/rerank");

        using var unknown = await PostAsync("v1/notaprovider/anything", "{}");
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
