using System.ClientModel;
using System.Net;
using System.Text;
using System.Text.Json;
using LlmPlatform.FakeUpstream;
using LlmPlatform.TestSupport;
using OpenAI;
using OpenAI.Images;

namespace LlmPlatform.Api.Tests.OpenAi;

/// <summary><c>POST /v1/images/generations</c> with the official SDK's ImageClient.</summary>
public sealed class ImagesTests : GatewayFixture
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    protected override string Config(string fake) => $"""
        model_list:
          - model_name: mock-image
            litellm_params:
              model: mock/dall-e-3
          - model_name: dall-e-3
            litellm_params:
              model: openai/dall-e-3
              api_base: {fake}/v1
              api_key: sk-upstream
        """;

    private ImageClient Client(string model) =>
        new(model, new ApiKeyCredential(ApiServer.MasterKey), new OpenAIClientOptions { Endpoint = Api.OpenAiEndpoint });

    [Test]
    public async Task GenerateImage_WithMockAsBytes_ReturnsAValidPng()
    {
        var options = new ImageGenerationOptions { ResponseFormat = GeneratedImageFormat.Bytes, Size = GeneratedImageSize.W1024xH1024 };
        var image = (await Client("mock-image").GenerateImageAsync("a red square", options)).Value;

        image.ImageBytes.ToArray()[..8].Should().Equal(PngSignature);
        image.RevisedPrompt.Should().Be("a red square");
    }

    [Test]
    public async Task GenerateImage_WithMockAsUrl_ReturnsADataUrl()
    {
        var image = (await Client("mock-image").GenerateImageAsync("a blue circle", new ImageGenerationOptions { ResponseFormat = GeneratedImageFormat.Uri })).Value;

        image.ImageUri.Scheme.Should().Be("data");
        image.ImageUri.ToString().Should().StartWith("data:image/png;base64,iVBORw0KGgo");
    }

    [Test]
    public async Task GenerateImages_WithOpenAiUpstream_PassesThroughEveryImage()
    {
        var images = (await Client("dall-e-3").GenerateImagesAsync("two cats", 2, new ImageGenerationOptions { ResponseFormat = GeneratedImageFormat.Uri })).Value;

        images.Should().HaveCount(2);
        images[1].ImageUri.Should().Be(new Uri("https://images.fake.test/1.png"));
        images[0].RevisedPrompt.Should().Be("fake: two cats");
        var request = Fake.Script.Received.Last(r => r.Route == Routes.OpenAiImages);
        request.Body.Should().Contain("\"prompt\":\"two cats\"").And.Contain("\"n\":2");
        request.Headers["authorization"].Should().Be("Bearer sk-upstream");
    }

    [Test]
    public async Task Images_Success_WritesOneImageSpendRow()
    {
        using var response = await PostAsync("v1/images/generations", """{"model":"mock-image","prompt":"ledger","response_format":"b64_json"}""");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("created").GetInt64().Should().BePositive();
        body.RootElement.GetProperty("data")[0].TryGetProperty("url", out _).Should().BeFalse();
        var rows = await SpendLogProbe.RowsAsync(Api, response.Headers.GetValues("x-request-id").Single());
        rows.Should().Equal(("image_generation", "success"));
    }

    [TestCase("""{"prompt":"x"}""", "model", HttpStatusCode.BadRequest)]
    [TestCase("""{"model":"mock-image"}""", "prompt", HttpStatusCode.BadRequest)]
    [TestCase("""{"model":"mock-image","prompt":"x","n":0}""", "n", HttpStatusCode.BadRequest)]
    [TestCase("""{"model":"mock-image","prompt":"x","response_format":"jpeg"}""", "response_format", HttpStatusCode.BadRequest)]
    [TestCase("""{"model":"mock-image","prompt":"x","size":"huge"}""", "size", HttpStatusCode.BadRequest)]
    [TestCase("""{"model":"mock-image","prompt":["x"]}""", "prompt", HttpStatusCode.BadRequest)]
    [TestCase("""{"model":"unknown-image","prompt":"x"}""", "model", HttpStatusCode.NotFound)]
    public async Task Images_BadInput_IsAClientErrorNamingTheParam(string body, string param, HttpStatusCode status)
    {
        await ExpectErrorAsync("v1/images/generations", body, status, param);
    }

    [Test]
    public async Task Images_UpstreamRejectsTheRequest_KeepsItsStatusWithoutRetrying()
    {
        Fake.Script.SetDefault(Routes.OpenAiImages, Behavior.Fail(422));
        var before = Fake.Script.Received.Count(r => r.Route == Routes.OpenAiImages);
        try
        {
            var act = () => Client("dall-e-3").GenerateImageAsync("x");
            (await act.Should().ThrowAsync<ClientResultException>()).Which.Status.Should().Be(422);
            Fake.Script.Received.Count(r => r.Route == Routes.OpenAiImages).Should().Be(before + 1);
        }
        finally
        {
            Fake.Script.Reset();
        }
    }
}
