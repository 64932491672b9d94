using System.Net;
using System.Text;
using System.Text.Json;
using LlmPlatform.FakeUpstream;
using LlmPlatform.TestSupport;

namespace LlmPlatform.Api.Tests.OpenAi;

/// <summary><c>POST /v1/rerank</c> (no SDK speaks it): mock, Cohere v2 and an OpenAI-compatible rerank server.</summary>
public sealed class RerankTests : GatewayFixture
{
    protected override string Config(string fake) => $"""
        model_list:
          - model_name: mock-rerank
            litellm_params:
              model: mock/rerank
          - model_name: cohere-rerank
            litellm_params:
              model: cohere/rerank-v3.5
              api_base: {fake}
              api_key: cohere-secret
          - model_name: vllm-rerank
            litellm_params:
              model: hosted_vllm/BAAI/bge-reranker-v2-m3
              api_base: {fake}/v1
        """;

    [Test]
    public async Task Rerank_WithMock_OrdersByWordOverlap()
    {
        using var body = await PostOkAsync("v1/rerank", """
            {"model":"mock-rerank","query":"capital of france",
             "documents":["Berlin is in Germany","Paris is the capital of France",{"text":"France is a country"}]}
            """);

        var results = body.RootElement.GetProperty("results").EnumerateArray().ToList();
        results.Select(r => r.GetProperty("index").GetInt32()).Should().Equal(1, 2, 0);
        results[0].GetProperty("relevance_score").GetDouble().Should().Be(1.0);
        results[0].TryGetProperty("document", out _).Should().BeFalse();
    }

    [Test]
    public async Task Rerank_TopNAndReturnDocuments_TrimsAndAttachesTexts()
    {
        using var body = await PostOkAsync("v1/rerank", """
            {"model":"mock-rerank","query":"red apple","documents":["green pear","red apple pie","apple"],"top_n":2,"return_documents":true}
            """);

        var results = body.RootElement.GetProperty("results").EnumerateArray().ToList();
        results.Should().HaveCount(2);
        results[0].GetProperty("document").GetProperty("text").GetString().Should().Be("red apple pie");
        results[1].GetProperty("document").GetProperty("text").GetString().Should().Be("apple");
    }

    [Test]
    public async Task Rerank_WithCohere_CallsV2RerankWithStringDocumentsAndBearerKey()
    {
        using var body = await PostOkAsync("v1/rerank", """
            {"model":"cohere-rerank","query":"paris","documents":[{"text":"london"},{"text":"paris in spring"}],"top_n":1,"return_documents":true}
            """);

        var result = body.RootElement.GetProperty("results")[0];
        result.GetProperty("index").GetInt32().Should().Be(1);
        result.GetProperty("relevance_score").GetDouble().Should().Be(0.9);
        result.GetProperty("document").GetProperty("text").GetString().Should().Be("paris in spring");
        body.RootElement.GetProperty("meta").GetProperty("billed_units").GetProperty("search_units").GetInt32().Should().Be(1);
        var request = Fake.Script.Received.Last(r => r.Route == Routes.CohereRerank);
        request.Headers["authorization"].Should().Be("Bearer cohere-secret");
        request.Body.Should().Contain("\"documents\":[\"london\",\"paris in spring\"]").And.Contain("\"model\":\"rerank-v3.5\"");
        request.Body.Should().NotContain("return_documents");
    }

    [Test]
    public async Task Rerank_WithOpenAiCompatibleServer_PostsToRerank()
    {
        using var body = await PostOkAsync("v1/rerank", """{"model":"vllm-rerank","query":"q","documents":["a","b","c"]}""");

        body.RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("index").GetInt32()).Should().Equal(2, 1, 0);
        Fake.Script.Received.Last(r => r.Route == Routes.OpenAiRerank).Body.Should().Contain("\"model\":\"BAAI/bge-reranker-v2-m3\"");
    }

    [Test]
    public async Task Rerank_Success_WritesOneRerankSpendRow()
    {
        var rows = await SpendRowsAsync("v1/rerank", """{"model":"mock-rerank","query":"q","documents":["q"]}""", HttpStatusCode.OK);
        rows.Should().Equal(("rerank", "success"));
    }

    [TestCase("""{"query":"q","documents":["a"]}""", "model", HttpStatusCode.BadRequest)]
    [TestCase("""{"model":"mock-rerank","documents":["a"]}""", "query", HttpStatusCode.BadRequest)]
    [TestCase("""{"model":"mock-rerank","query":"q"}""", "documents", HttpStatusCode.BadRequest)]
    [TestCase("""{"model":"mock-rerank","query":"q","documents":[]}""", "documents", HttpStatusCode.BadRequest)]
    [TestCase("""{"model":"mock-rerank","query":"q","documents":[1,2]}""", "documents", HttpStatusCode.BadRequest)]
    [TestCase("""{"model":"mock-rerank","query":"q","documents":["a"],"top_n":0}""", "top_n", HttpStatusCode.BadRequest)]
    [TestCase("""{"model":"mock-rerank","query":"q","documents":["a"],"top_n":"two"}""", "top_n", HttpStatusCode.BadRequest)]
    [TestCase("""{"model":"missing","query":"q","documents":["a"]}""", "model", HttpStatusCode.NotFound)]
    public async Task Rerank_BadInput_IsAClientErrorNamingTheParam(string body, string param, HttpStatusCode status)
    {
        await ExpectErrorAsync("v1/rerank", body, status, param);
    }
}
