using System.ClientModel;
using LlmPlatform.TestSupport;
using OpenAI;
using OpenAI.Chat;

namespace LlmPlatform.Api.Tests.OpenAi;

/// <summary>The first path through every layer: the official OpenAI SDK against the built-in mock provider.</summary>
public sealed class ChatCompletionsMockTests
{
    private const string Config = """
        model_list:
          - model_name: demo
            litellm_params:
              model: mock/demo-model
            model_info:
              id: mock-1
              input_cost_per_token: 0.000001
              output_cost_per_token: 0.000002
        router_settings:
          model_group_alias:
            demo-alias: demo
        """;

    private ApiServer _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _api = await ApiServer.StartAsync(Config);

    [OneTimeTearDown]
    public async Task StopAsync() => await _api.DisposeAsync();

    private ChatClient Client(string model) =>
        new(model, new ApiKeyCredential(ApiServer.MasterKey), new OpenAIClientOptions { Endpoint = _api.OpenAiEndpoint });

    [Test]
    public async Task CompleteChat_WithMockModel_ReturnsAnswerAndUsage()
    {
        var completion = (await Client("demo").CompleteChatAsync([new UserChatMessage("Hello gateway")])).Value;

        completion.Content[0].Text.Should().Contain("You said: Hello gateway");
        completion.FinishReason.Should().Be(ChatFinishReason.Stop);
        completion.Usage.InputTokenCount.Should().BeGreaterThan(0);
        completion.Usage.OutputTokenCount.Should().BeGreaterThan(0);
    }

    [Test]
    public async Task CompleteChat_ThroughAlias_UsesTheAliasedGroup()
    {
        var completion = (await Client("demo-alias").CompleteChatAsync([new UserChatMessage("alias")])).Value;
        completion.Content[0].Text.Should().Contain("demo-model");
    }

    [Test]
    public async Task CompleteChatStreaming_WithMockModel_StreamsTheSameText()
    {
        var text = new System.Text.StringBuilder();
        ChatFinishReason? finish = null;
        await foreach (var update in Client("demo").CompleteChatStreamingAsync([new UserChatMessage("stream please")]))
        {
            foreach (var part in update.ContentUpdate)
            {
                text.Append(part.Text);
            }

            finish ??= update.FinishReason;
        }

        text.ToString().Should().Be("This is a mock answer from demo-model. You said: stream please");
        finish.Should().Be(ChatFinishReason.Stop);
    }

    [Test]
    public async Task CompleteChat_UnknownModel_Is404ModelNotFound()
    {
        var act = () => Client("no-such-model").CompleteChatAsync([new UserChatMessage("hi")]);
        var error = (await act.Should().ThrowAsync<ClientResultException>()).Which;
        error.Status.Should().Be(404);
        error.Message.Should().Contain("model_not_found");
    }

    [Test]
    public async Task CompleteChat_Success_WritesOneSpendRow()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/chat/completions")
        {
            Content = new StringContent("""{"model":"demo","messages":[{"role":"user","content":"ledger"}]}""", System.Text.Encoding.UTF8, "application/json"),
        };
        using var response = await _api.Client.SendAsync(request);
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        var requestId = response.Headers.GetValues("x-request-id").Single();
        response.Headers.GetValues("x-llmplatform-model-id").Single().Should().Be("mock-1");
        decimal.Parse(response.Headers.GetValues("x-llmplatform-response-cost").Single(), System.Globalization.CultureInfo.InvariantCulture).Should().BePositive();

        await using var db = new Npgsql.NpgsqlConnection(LlmPlatform.Infrastructure.Persistence.ConnectionStrings.ToNpgsql(_api.DatabaseUrl));
        await db.OpenAsync();
        long count = 0;
        for (var i = 0; i < 50 && count == 0; i++)
        {
            await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM spend_logs WHERE request_id = @id AND status = 'success'", db);
            command.Parameters.AddWithValue("id", requestId);
            count = (long)(await command.ExecuteScalarAsync())!;
            if (count == 0)
            {
                await Task.Delay(100);
            }
        }

        count.Should().Be(1);
    }
}
