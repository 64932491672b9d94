using System.ClientModel;
using System.Net;
using System.Text;
using System.Text.Json;
using LlmPlatform.FakeUpstream;
using LlmPlatform.TestSupport;
using OpenAI;
using OpenAI.Moderations;

namespace LlmPlatform.Api.Tests.OpenAi;

/// <summary><c>POST /v1/moderations</c> with the official SDK's ModerationClient.</summary>
public sealed class ModerationsTests : GatewayFixture
{
    protected override string Config(string fake) => $"""
        model_list:
          - model_name: mock-moderation
            litellm_params:
              model: mock/omni-moderation-latest
          - model_name: omni-moderation-latest
            litellm_params:
              model: openai/omni-moderation-2024-09-26
              api_base: {fake}/v1
              api_key: sk-upstream
        """;

    private ModerationClient Client(string model) =>
        new(model, new ApiKeyCredential(ApiServer.MasterKey), new OpenAIClientOptions { Endpoint = Api.OpenAiEndpoint });

    [Test]
    public async Task ClassifyText_WithMockAndAFlaggedWord_FlagsItsCategory()
    {
        var result = (await Client("mock-moderation").ClassifyTextAsync("I want to hurt someone")).Value;

        result.Flagged.Should().BeTrue();
        result.Violence.Flagged.Should().BeTrue();
        result.Violence.Score.Should().BeGreaterThan(0.5f);
        result.Hate.Flagged.Should().BeFalse();
    }

    [Test]
    public async Task ClassifyText_WithMockAndHarmlessText_IsNotFlagged()
    {
        var result = (await Client("mock-moderation").ClassifyTextAsync("What a lovely day for a walk")).Value;

        result.Flagged.Should().BeFalse();
        result.Violence.Flagged.Should().BeFalse();
    }

    [Test]
    public async Task ClassifyTexts_WithMock_ReturnsOneResultPerInput()
    {
        var results = (await Client("mock-moderation").ClassifyTextAsync(["hello", "I hate this", "attack now"])).Value;

        results.Select(r => r.Flagged).Should().Equal(false, true, true);
        results[1].Hate.Flagged.Should().BeTrue();
        results.Model.Should().Be("omni-moderation-latest");
    }

    [Test]
    public async Task ClassifyText_WithOpenAiUpstream_PassesThrough()
    {
        var result = (await Client("omni-moderation-latest").ClassifyTextAsync("something violent")).Value;

        result.Flagged.Should().BeTrue();
        result.Violence.Flagged.Should().BeTrue();
        var request = Fake.Script.Received.Last(r => r.Route == Routes.OpenAiModerations);
        request.Body.Should().Contain("\"model\":\"omni-moderation-2024-09-26\"");
    }

    [Test]
    public async Task Moderations_WithoutModel_GoToOmniModerationLatest()
    {
        using var response = await PostAsync("v1/moderations", """{"input":"something violent"}""");

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var request = Fake.Script.Received.Last(r => r.Route == Routes.OpenAiModerations);
        request.Body.Should().Contain("\"model\":\"omni-moderation-2024-09-26\"");
    }

    [Test]
    public async Task Moderations_CategoryNamesKeepTheirSlashes()
    {
        using var response = await PostAsync("v1/moderations", """{"model":"mock-moderation","input":"kill"}""");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var result = body.RootElement.GetProperty("results")[0];
        result.GetProperty("categories").TryGetProperty("hate/threatening", out _).Should().BeTrue();
        result.GetProperty("category_scores").GetProperty("violence").GetDouble().Should().BeGreaterThan(0.5);
        body.RootElement.GetProperty("id").GetString().Should().StartWith("modr-");
        var rows = await SpendLogProbe.RowsAsync(Api, response.Headers.GetValues("x-request-id").Single());
        rows.Should().Equal(("moderation", "success"));
    }

    [TestCase("""{"model":"mock-moderation"}""", "input", HttpStatusCode.BadRequest)]
    [TestCase("""{"model":"mock-moderation","input":42}""", "input", HttpStatusCode.BadRequest)]
    [TestCase("""{"model":"mock-moderation","input":[{"type":"audio"}]}""", "input", HttpStatusCode.BadRequest)]
    [TestCase("""{"model":"no-such-model","input":"x"}""", "model", HttpStatusCode.NotFound)]
    public async Task Moderations_BadInput_IsAClientErrorNamingTheParam(string body, string param, HttpStatusCode status)
    {
        await ExpectErrorAsync("v1/moderations", body, status, param);
    }
}
