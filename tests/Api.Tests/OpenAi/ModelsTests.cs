using System.ClientModel;
using System.Net;
using System.Text.Json;
using LlmPlatform.TestSupport;
using OpenAI;
using OpenAI.Models;

namespace LlmPlatform.Api.Tests.OpenAi;

/// <summary><c>GET /v1/models</c> and <c>GET /v1/models/{model}</c> with the official SDK's OpenAIModelClient.</summary>
public sealed class ModelsTests : GatewayFixture
{
    protected override string Config(string fake) => $"""
        model_list:
          - model_name: demo
            litellm_params:
              model: mock/demo-model
          - model_name: team/private
            litellm_params:
              model: openai/gpt-4o-mini
              api_base: {fake}/v1
              api_key: sk-upstream
        router_settings:
          model_group_alias:
            demo-alias: demo
        """;

    private OpenAIModelClient Client(string key) =>
        new(new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = Api.OpenAiEndpoint });

    [Test]
    public async Task GetModel_ByNameOrAlias_AnswersItsCard()
    {
        var client = Client(ApiServer.MasterKey);

        var demo = (await client.GetModelAsync("demo")).Value;
        var alias = (await client.GetModelAsync("demo-alias")).Value;
        var slashed = (await client.GetModelAsync("team/private")).Value;

        demo.Id.Should().Be("demo");
        demo.OwnedBy.Should().Be("mock");
        demo.CreatedAt.Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));
        alias.Id.Should().Be("demo-alias");
        slashed.Id.Should().Be("team/private");
        slashed.OwnedBy.Should().Be("openai");
    }

    [TestCase("v1/models/team%2Fprivate")]
    [TestCase("v1/models/team/private")]
    [TestCase("models/team%2Fprivate")]
    public async Task GetModel_WithTheSlashEncodedOrNot_FindsTheGroup(string path)
    {
        using var response = await Api.Client.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var card = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        card.RootElement.GetProperty("id").GetString().Should().Be("team/private");
    }

    [Test]
    public async Task GetModel_Unknown_Is404ModelNotFound()
    {
        var act = () => Client(ApiServer.MasterKey).GetModelAsync("no-such-model");

        var error = (await act.Should().ThrowAsync<ClientResultException>()).Which;
        error.Status.Should().Be(404);
        using var body = JsonDocument.Parse(error.GetRawResponse()!.Content.ToString());
        body.RootElement.GetProperty("error").GetProperty("code").GetString().Should().Be("model_not_found");
    }

    [Test]
    public async Task GetModel_NotAllowedToTheKey_IsAnsweredAsUnknown_AndTheListLeavesItOut()
    {
        using var generated = await PostOkAsync("/key/generate", """{"models":["demo"]}""");
        var key = generated.RootElement.GetProperty("key").GetString()!;
        var client = Client(key);

        var act = () => client.GetModelAsync("team/private");

        (await act.Should().ThrowAsync<ClientResultException>()).Which.Status.Should().Be(404);
        (await client.GetModelAsync("demo")).Value.Id.Should().Be("demo");
        (await client.GetModelsAsync()).Value.Select(m => m.Id).Should().Equal("demo");
    }

    [Test]
    public async Task GetModel_WithoutAKey_Is401()
    {
        using var anonymous = new HttpClient { BaseAddress = Api.BaseUri };
        using var response = await anonymous.GetAsync("v1/models/demo");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }
}
