using System.Text.Json.Nodes;
using LlmPlatform.FakeUpstream;
using OpenAI.Chat;

namespace LlmPlatform.Api.Tests.Providers;

/// <summary>Ollama's native chat API through the gateway.</summary>
public sealed class OllamaTests : ProviderContractTests
{
    private const string Key = "ollama-proxy-secret-5be1d7";

    protected override string Model => "ollama_chat/llama-test";

    protected override string Route => Routes.OllamaChat;

    protected override string CredentialParams => $"      api_key: {Key}";

    protected override string Secret => Key;

    protected override string UnsupportedParam => "logprobs";

    protected override void SetUnsupportedParam(ChatCompletionOptions options) => options.IncludeLogProbabilities = true;

    protected override void AssertRequestShape(RecordedRequest request, bool stream)
    {
        request.PathAndQuery.Should().Be("/api/chat");
        var body = JsonNode.Parse(request.Body)!;
        body["model"]!.GetValue<string>().Should().Be("llama-test");
        body["stream"]!.GetValue<bool>().Should().Be(stream);
    }

    protected override void AssertSystemPlacement(JsonNode body)
    {
        var messages = body["messages"]!.AsArray();
        messages.Select(m => m!["role"]!.GetValue<string>()).Should().Equal("system", "user");
        messages[0]!["content"]!.GetValue<string>().Should().Be(SystemPrompt);
    }

    protected override void AssertToolsOffered(JsonNode body)
    {
        var tool = body["tools"]![0]!;
        tool["type"]!.GetValue<string>().Should().Be("function");
        tool["function"]!["name"]!.GetValue<string>().Should().Be("get_weather");
        tool["function"]!["parameters"]!["properties"]!["location"]!["type"]!.GetValue<string>().Should().Be("string");
    }

    protected override void AssertToolResultSent(JsonNode body, string toolCallId)
    {
        var messages = body["messages"]!.AsArray();
        messages.Select(m => m!["role"]!.GetValue<string>()).Should().Equal("user", "assistant", "tool");
        var call = messages[1]!["tool_calls"]![0]!["function"]!;
        call["name"]!.GetValue<string>().Should().Be("get_weather");
        call["arguments"]!["location"]!.GetValue<string>().Should().Be("Paris");
        messages[2]!["content"]!.GetValue<string>().Should().Be(ToolResult);
        messages[2]!["tool_name"]!.GetValue<string>().Should().Be("get_weather");
    }

    [Test]
    public async Task CompleteChat_WithJsonModeAndSampling_MapsToFormatAndOptions()
    {
        var options = new ChatCompletionOptions
        {
            ResponseFormat = ChatResponseFormat.CreateJsonObjectFormat(),
            Temperature = 0.5f,
            TopP = 0.9f,
            MaxOutputTokenCount = 64,
            StopSequences = { "###" },
        };

        await Client().CompleteChatAsync([new UserChatMessage("json please")], options);

        var body = JsonNode.Parse(Fake.Script.Received.Single(r => r.Route == Route).Body)!;
        body["format"]!.GetValue<string>().Should().Be("json");
        var sent = body["options"]!;
        sent["temperature"]!.GetValue<double>().Should().Be(0.5);
        sent["top_p"]!.GetValue<double>().Should().BeApproximately(0.9, 1e-6);
        sent["num_predict"]!.GetValue<int>().Should().Be(64);
        sent["stop"]![0]!.GetValue<string>().Should().Be("###");
    }
}
