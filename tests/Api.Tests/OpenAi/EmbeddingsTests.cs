using System.ClientModel;
using System.Net;
using System.Text;
using System.Text.Json;
using LlmPlatform.FakeUpstream;
using LlmPlatform.TestSupport;
using OpenAI;
using OpenAI.Embeddings;

namespace LlmPlatform.Api.Tests.OpenAi;

/// <summary><c>POST /v1/embeddings</c> through the gateway with the official SDK, against the mock and the fake upstream.</summary>
public sealed class EmbeddingsTests : GatewayFixture
{
    protected override string Config(string fake) => $"""
        model_list:
          - model_name: mock-embed
            litellm_params:
              model: mock/text-embedding-3-small
          - model_name: fake-embed
            litellm_params:
              model: openai/text-embedding-3-large
              api_base: {fake}/v1
              api_key: sk-upstream-secret
          - model_name: azure-embed
            litellm_params:
              model: azure/my-embedding-deployment
              api_base: {fake}
              api_key: azure-secret
          - model_name: ollama-embed
            litellm_params:
              model: ollama/nomic-embed-text
              api_base: {fake}
          - model_name: chat-only
            litellm_params:
              model: anthropic/claude-3-haiku
        """;

    [SetUp]
    public void ResetFake() => Fake.Script.Reset();

    private EmbeddingClient Client(string model) =>
        new(model, new ApiKeyCredential(ApiServer.MasterKey), new OpenAIClientOptions { Endpoint = Api.OpenAiEndpoint });

    [Test]
    public async Task GenerateEmbedding_WithMock_ReturnsDeterministicUnitVectorOfDefaultLength()
    {
        var first = (await Client("mock-embed").GenerateEmbeddingAsync("the same text")).Value.ToFloats().ToArray();
        var second = (await Client("mock-embed").GenerateEmbeddingAsync("the same text")).Value.ToFloats().ToArray();
        var other = (await Client("mock-embed").GenerateEmbeddingAsync("other text")).Value.ToFloats().ToArray();

        first.Should().HaveCount(1536);
        second.Should().Equal(first);
        other.Should().NotEqual(first);
        Math.Sqrt(first.Sum(v => (double)v * v)).Should().BeApproximately(1.0, 1e-3);
    }

    [Test]
    public async Task GenerateEmbeddings_WithDimensions_ReturnsOneVectorPerInputOfThatLength()
    {
        var options = new EmbeddingGenerationOptions { Dimensions = 64 };
        var result = (await Client("mock-embed").GenerateEmbeddingsAsync(["one", "two", "three"], options)).Value;

        result.Should().HaveCount(3);
        result.Select(e => e.Index).Should().Equal(0, 1, 2);
        result.Should().OnlyContain(e => e.ToFloats().Length == 64);
        result.Usage.InputTokenCount.Should().BePositive();
    }

    [Test]
    public async Task Embeddings_FloatAndBase64_DecodeToTheSameVector()
    {
        var asFloats = await PostOkAsync("v1/embeddings", """{"model":"mock-embed","input":"vector","dimensions":8,"encoding_format":"float"}""");
        var asBase64 = await PostOkAsync("v1/embeddings", """{"model":"mock-embed","input":"vector","dimensions":8,"encoding_format":"base64"}""");

        var floats = asFloats.RootElement.GetProperty("data")[0].GetProperty("embedding").EnumerateArray().Select(e => e.GetSingle()).ToArray();
        var bytes = Convert.FromBase64String(asBase64.RootElement.GetProperty("data")[0].GetProperty("embedding").GetString()!);
        var decoded = Enumerable.Range(0, bytes.Length / 4).Select(i => BitConverter.ToSingle(bytes, i * 4)).ToArray();

        floats.Should().HaveCount(8);
        decoded.Should().Equal(floats);
        asFloats.RootElement.GetProperty("object").GetString().Should().Be("list");
    }

    [Test]
    public async Task Embeddings_TokenArrayInput_IsAccepted()
    {
        var answer = await PostOkAsync("v1/embeddings", """{"model":"mock-embed","input":[[1,2,3],[4,5]],"dimensions":4}""");
        answer.RootElement.GetProperty("data").GetArrayLength().Should().Be(2);
        answer.RootElement.GetProperty("usage").GetProperty("prompt_tokens").GetInt32().Should().Be(5);
    }

    [Test]
    public async Task GenerateEmbedding_WithOpenAiUpstream_PassesThroughWithUpstreamModelAndKey()
    {
        var embedding = (await Client("fake-embed").GenerateEmbeddingAsync("hello", new EmbeddingGenerationOptions { Dimensions = 10 })).Value;

        embedding.ToFloats().Length.Should().Be(10);
        embedding.ToFloats().Span[0].Should().BeApproximately(0.001f, 1e-6f);
        var request = Fake.Script.Received.Single(r => r.Route == Routes.OpenAiEmbeddings);
        request.Body.Should().Contain("\"model\":\"text-embedding-3-large\"").And.Contain("\"dimensions\":10");
        request.Headers["authorization"].Should().Be("Bearer sk-upstream-secret");
    }

    [Test]
    public async Task GenerateEmbedding_WithAzureUpstream_UsesDeploymentPathAndApiKeyHeader()
    {
        var embedding = (await Client("azure-embed").GenerateEmbeddingAsync("hello", new EmbeddingGenerationOptions { Dimensions = 3 })).Value;

        embedding.ToFloats().Length.Should().Be(3);
        var request = Fake.Script.Received.Single(r => r.Route == Routes.AzureEmbeddings);
        request.PathAndQuery.Should().StartWith("/openai/deployments/my-embedding-deployment/embeddings?api-version=");
        request.Headers["api-key"].Should().Be("azure-secret");
        request.Headers.Should().NotContainKey("authorization");
    }

    [Test]
    public async Task GenerateEmbeddings_WithOllama_TranslatesNativeEmbedAnswer()
    {
        var result = (await Client("ollama-embed").GenerateEmbeddingsAsync(["a", "b"])).Value;

        result.Should().HaveCount(2);
        result[1].ToFloats().ToArray().Should().Equal(0.5f, 1f, 1.5f, 2f);
        result.Usage.InputTokenCount.Should().Be(6);
        var request = Fake.Script.Received.Single(r => r.Route == Routes.OllamaEmbed);
        request.Body.Should().Contain("\"model\":\"nomic-embed-text\"").And.Contain("\"input\":[\"a\",\"b\"]");
    }

    [Test]
    public async Task Embeddings_UpstreamFailsOnce_IsRetried()
    {
        Fake.Script.Enqueue(Routes.OpenAiEmbeddings, Behavior.Fail(503));
        var embedding = (await Client("fake-embed").GenerateEmbeddingAsync("retry me")).Value;

        embedding.ToFloats().Length.Should().Be(1536);
        Fake.Script.Received.Count(r => r.Route == Routes.OpenAiEmbeddings).Should().Be(2);
    }

    [Test]
    public async Task Embeddings_UpstreamRejects_KeepsTheUpstreamStatus()
    {
        Fake.Script.Enqueue(Routes.OpenAiEmbeddings, Behavior.Fail(400));
        var act = () => Client("fake-embed").GenerateEmbeddingAsync("bad");
        (await act.Should().ThrowAsync<ClientResultException>()).Which.Status.Should().Be(400);
    }

    [Test]
    public async Task Embeddings_Success_WritesOneEmbeddingSpendRow()
    {
        var rows = await SpendRowsAsync("v1/embeddings", """{"model":"mock-embed","input":"ledger"}""", HttpStatusCode.OK);
        rows.Should().Equal(("embedding", "success"));
    }

    [Test]
    public async Task Embeddings_UnknownModel_Is404AndRecordsAFailure()
    {
        using var response = await PostAsync("v1/embeddings", """{"model":"nope","input":"x"}""");
        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await ErrorCodeAsync(response)).Should().Be("model_not_found");
        var rows = await SpendLogProbe.RowsAsync(Api, response.Headers.GetValues("x-request-id").Single());
        rows.Should().Equal(("embedding", "failure"));
    }

    [Test]
    public async Task Embeddings_ModelWithoutEmbeddings_Is400()
    {
        using var response = await PostAsync("v1/embeddings", """{"model":"chat-only","input":"x"}""");
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ErrorCodeAsync(response)).Should().Be("unsupported_endpoint");
    }

    [TestCase("""{"input":"x"}""", "model")]
    [TestCase("""{"model":"mock-embed"}""", "input")]
    [TestCase("""{"model":"mock-embed","input":[]}""", "input")]
    [TestCase("""{"model":"mock-embed","input":["a",1]}""", "input")]
    [TestCase("""{"model":"mock-embed","input":{"text":"x"}}""", "input")]
    [TestCase("""{"model":"mock-embed","input":"x","encoding_format":"int8"}""", "encoding_format")]
    [TestCase("""{"model":"mock-embed","input":"x","dimensions":0}""", "dimensions")]
    [TestCase("""{"model":"mock-embed","input":"x","dimensions":"ten"}""", "dimensions")]
    public async Task Embeddings_BadInput_Is400NamingTheParam(string body, string param)
    {
        await ExpectErrorAsync("v1/embeddings", body, HttpStatusCode.BadRequest, param);
    }

    [Test]
    public async Task Embeddings_WithoutKey_Is401()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "embeddings")
        {
            Content = new StringContent("""{"model":"mock-embed","input":"x"}""", Encoding.UTF8, "application/json"),
        };
        using var anonymous = new HttpClient { BaseAddress = Api.BaseUri };
        using var response = await anonymous.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await ErrorCodeAsync(response)).Should().Be("invalid_api_key");
    }



    private static async Task<string?> ErrorCodeAsync(HttpResponseMessage response)
    {
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return error.RootElement.GetProperty("error").GetProperty("code").GetString();
    }
}
