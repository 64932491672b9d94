using System.Text.Json.Nodes;
using LlmPlatform.FakeUpstream;
using OpenAI.Chat;

namespace LlmPlatform.Api.Tests.Providers;

/// <summary>The Gemini API adapter through the gateway.</summary>
public sealed class GeminiTests : ProviderContractTests
{
    private const string Key = "AIza-test-secret-91c2e5f0";

    protected override string Model => "gemini/gemini-test";

    protected override string Route => Routes.GeminiGenerate;

    protected override string CredentialParams => $"      api_key: {Key}";

    protected override string Secret => Key;

    protected override string UnsupportedParam => "parallel_tool_calls";

    protected override void SetUnsupportedParam(ChatCompletionOptions options) => options.AllowParallelToolCalls = false;

    protected override void AssertRequestShape(RecordedRequest request, bool stream)
    {
        request.PathAndQuery.Should().Be(stream
            ? "/v1beta/models/gemini-test:streamGenerateContent?alt=sse"
            : "/v1beta/models/gemini-test:generateContent");
        request.Headers["x-goog-api-key"].Should().Be(Key);
        var body = JsonNode.Parse(request.Body)!;
        body["contents"]![0]!["role"]!.GetValue<string>().Should().Be("user");
        body["contents"]![0]!["parts"]![0]!["text"].Should().NotBeNull();
    }

    protected override void AssertSystemPlacement(JsonNode body)
    {
        body["systemInstruction"]!["parts"]![0]!["text"]!.GetValue<string>().Should().Be(SystemPrompt);
        var contents = body["contents"]!.AsArray();
        contents.Should().ContainSingle();
        contents[0]!["parts"]![0]!["text"]!.GetValue<string>().Should().Be("Weather?");
    }

    protected override void AssertToolsOffered(JsonNode body)
    {
        var declaration = body["tools"]![0]!["functionDeclarations"]![0]!;
        declaration["name"]!.GetValue<string>().Should().Be("get_weather");
        declaration["description"]!.GetValue<string>().Should().Be("The weather in a city");
        declaration["parameters"]!["properties"]!["location"]!["type"]!.GetValue<string>().Should().Be("string");
    }

    protected override void AssertToolResultSent(JsonNode body, string toolCallId)
    {
        var contents = body["contents"]!.AsArray();
        contents.Select(c => c!["role"]!.GetValue<string>()).Should().Equal("user", "model", "user");
        var call = contents[1]!["parts"]![0]!["functionCall"]!;
        call["name"]!.GetValue<string>().Should().Be("get_weather");
        call["args"]!["location"]!.GetValue<string>().Should().Be("Paris");
        var response = contents[2]!["parts"]![0]!["functionResponse"]!;
        response["name"]!.GetValue<string>().Should().Be("get_weather");
        response["response"]!["content"]!.GetValue<string>().Should().Be(ToolResult);
    }

    [Test]
    public async Task CompleteChat_WithJsonSchemaAndStop_MapsToGenerationConfig()
    {
        var options = new ChatCompletionOptions
        {
            ResponseFormat = ChatResponseFormat.CreateJsonSchemaFormat("answer", BinaryData.FromString("""{"type":"object","properties":{"city":{"type":"string"}}}""")),
            StopSequences = { "END" },
            Temperature = 0.25f,
            MaxOutputTokenCount = 77,
        };

        await Client().CompleteChatAsync([new UserChatMessage("json please")], options);

        var config = JsonNode.Parse(Fake.Script.Received.Single(r => r.Route == Route).Body)!["generationConfig"]!;
        config["responseMimeType"]!.GetValue<string>().Should().Be("application/json");
        config["responseSchema"]!["properties"]!["city"]!["type"]!.GetValue<string>().Should().Be("string");
        config["stopSequences"]![0]!.GetValue<string>().Should().Be("END");
        config["temperature"]!.GetValue<double>().Should().Be(0.25);
        config["maxOutputTokens"]!.GetValue<int>().Should().Be(77);
    }

    [Test]
    public async Task CompleteChat_WithNamedToolChoiceTopKAndN_MapsToToolConfigAndGenerationConfig()
    {
        using var response = await PostAsync("""
            {"model":"contract-model","n":2,"top_k":40,
             "tools":[{"type":"function","function":{"name":"get_weather","parameters":{"type":"object","properties":{}}}}],
             "tool_choice":{"type":"function","function":{"name":"get_weather"}},
             "messages":[{"role":"user","content":"weather?"}]}
            """);

        response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        var body = ReceivedBodies().Single();
        body["toolConfig"]!["functionCallingConfig"]!["mode"]!.GetValue<string>().Should().Be("ANY");
        body["toolConfig"]!["functionCallingConfig"]!["allowedFunctionNames"]![0]!.GetValue<string>().Should().Be("get_weather");
        body["generationConfig"]!["topK"]!.GetValue<int>().Should().Be(40);
        body["generationConfig"]!["candidateCount"]!.GetValue<int>().Should().Be(2);
    }
}
