using System.Globalization;
using System.Net;
using System.Text;
using LlmPlatform.TestSupport;

namespace LlmPlatform.Api.Tests.OpenAi;

/// <summary>
/// Every answered model call, whatever its endpoint, carries <c>x-llmplatform-model-id</c>,
/// <c>x-llmplatform-attempts</c> and (when whole) <c>x-llmplatform-response-cost</c>.
/// </summary>
public sealed class GatewayHeadersTests : GatewayFixture
{
    protected override string Config(string fake) => """
        model_list:
          - model_name: priced
            litellm_params:
              model: mock/priced-model
            model_info:
              id: priced-deployment
              input_cost_per_token: 0.001
              output_cost_per_token: 0.002
        """;

    [TestCase("v1/chat/completions", """{"model":"priced","messages":[{"role":"user","content":"hello there"}]}""")]
    [TestCase("v1/completions", """{"model":"priced","prompt":"hello there"}""")]
    [TestCase("v1/embeddings", """{"model":"priced","input":"hello there"}""")]
    [TestCase("v1/moderations", """{"model":"priced","input":"hello there"}""")]
    [TestCase("v1/rerank", """{"model":"priced","query":"greeting","documents":["hello there","goodbye"]}""")]
    [TestCase("v1/images/generations", """{"model":"priced","prompt":"a lighthouse"}""")]
    [TestCase("v1/messages", """{"model":"priced","max_tokens":16,"messages":[{"role":"user","content":"hello there"}]}""")]
    public async Task WholeAnswer_CarriesDeploymentAttemptsAndCost(string path, string body)
    {
        using var response = await Api.Client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Header(response, "x-llmplatform-model-id").Should().Be("priced-deployment");
        Header(response, "x-llmplatform-attempts").Should().Be("1");
        var cost = decimal.Parse(Header(response, "x-llmplatform-response-cost")!, CultureInfo.InvariantCulture);
        cost.Should().BeGreaterThan(0m, "the prompt's tokens are priced at 0.001 each");
    }

    [TestCase("v1/chat/completions", """{"model":"priced","stream":true,"messages":[{"role":"user","content":"hello there"}]}""")]
    [TestCase("v1/completions", """{"model":"priced","stream":true,"prompt":"hello there"}""")]
    [TestCase("v1/messages", """{"model":"priced","stream":true,"max_tokens":16,"messages":[{"role":"user","content":"hello there"}]}""")]
    public async Task Stream_CarriesDeploymentAndAttempts_ButNoCostYet(string path, string body)
    {
        using var response = await Api.Client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        Header(response, "x-llmplatform-model-id").Should().Be("priced-deployment");
        Header(response, "x-llmplatform-attempts").Should().Be("1");
        Header(response, "x-llmplatform-response-cost").Should().BeNull("a stream's cost is known only at its end");
        (await response.Content.ReadAsStringAsync()).Should().NotBeEmpty();
    }

    [Test]
    public async Task RefusedCall_HasNoDeploymentHeader()
    {
        using var response = await Api.Client.PostAsync("v1/embeddings", new StringContent("""{"model":"nope","input":"x"}""", Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        Header(response, "x-llmplatform-model-id").Should().BeNull();
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single() : null;
}
