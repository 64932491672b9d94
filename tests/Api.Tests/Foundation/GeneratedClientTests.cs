using System.Text.Json;
using LlmPlatform.Client;
using LlmPlatform.TestSupport;

namespace LlmPlatform.Api.Tests.Foundation;

/// <summary>The committed NSwag client (clients/LlmPlatform.Client) against the live API.</summary>
public sealed class GeneratedClientTests
{
    private ApiServer _api = null!;
    private LlmPlatformClient _client = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _api = await ApiServer.StartAsync(ApiServer.MockDemoConfig);
        _client = new LlmPlatformClient(_api.Client);
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _api.DisposeAsync();

    [Test]
    public async Task Models_ThroughGeneratedClient_ListsTheGroup()
    {
        var models = await _client.ModelsListAsync();
        models.Object.Should().Be("list");
        models.Data.Select(m => m.Id).Should().Equal("demo");
    }

    [Test]
    public async Task Readiness_ThroughGeneratedClient_IsTyped()
    {
        var readiness = await _client.HealthReadinessAsync();
        readiness.Db.Should().Be("connected");
        readiness.Migrations_applied.Should().BeTrue();
    }

    [Test]
    public async Task ChatCompletion_ThroughGeneratedClient_Answers()
    {
        var response = await _client.ChatCompletionsCreateAsync(new ChatCompletionRequest
        {
            Model = "demo",
            Messages = [new ChatMessage { Role = "user", Content = JsonSerializer.SerializeToElement("typed client") }],
        });

        response.Choices.Single().Message.Content.Should().Contain("typed client");
        response.Usage!.Total_tokens.Should().BeGreaterThan(0);
    }

    [Test]
    public async Task UnknownModel_ThroughGeneratedClient_RaisesTheTypedEnvelope()
    {
        var act = () => _client.ChatCompletionsCreateAsync(new ChatCompletionRequest
        {
            Model = "nope",
            Messages = [new ChatMessage { Role = "user", Content = JsonSerializer.SerializeToElement("x") }],
        });

        var error = (await act.Should().ThrowAsync<LlmPlatformApiException<ErrorEnvelope>>()).Which;
        error.StatusCode.Should().Be(404);
        error.Result.Error.Code.Should().Be("model_not_found");
    }

    [Test]
    public async Task CommittedOpenApiDocument_MatchesTheLiveOne()
    {
        var live = await _api.Client.GetStringAsync("openapi.json");
        var committed = await File.ReadAllTextAsync(Path.Combine(TestContext.CurrentContext.TestDirectory, "..", "..", "..", "..", "..", "clients", "LlmPlatform.Client", "openapi.json"));

        Normalize(committed).Should().Be(Normalize(live), "./build.sh --target=Client regenerates the client when the API changes");
    }

    private static string Normalize(string json) => JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement);
}
