using System.Text.Json.Nodes;
using LlmPlatform.FakeUpstream;
using OpenAI.Chat;

namespace LlmPlatform.Api.Tests.Providers;

/// <summary>The Anthropic Messages API adapter through the gateway.</summary>
public sealed class AnthropicTests : ProviderContractTests
{
    private const string Key = "sk-ant-test-secret-7d3f0b2c";

    protected override string Model => "anthropic/claude-test";

    protected override string Route => Routes.AnthropicMessages;

    protected override string CredentialParams => $"      api_key: {Key}";

    protected override string Secret => Key;

    protected override string ExtraInfo => "      max_tokens: 2048";

    protected override string UnsupportedParam => "frequency_penalty";

    protected override void SetUnsupportedParam(ChatCompletionOptions options) => options.FrequencyPenalty = 0.5f;

    protected override void AssertRequestShape(RecordedRequest request, bool stream)
    {
        request.PathAndQuery.Should().Be("/v1/messages");
        request.Headers["x-api-key"].Should().Be(Key);
        request.Headers["anthropic-version"].Should().Be("2023-06-01");
        var body = JsonNode.Parse(request.Body)!;
        body["model"]!.GetValue<string>().Should().Be("claude-test");
        body["max_tokens"]!.GetValue<int>().Should().Be(2048);
        (body["stream"]?.GetValue<bool>() ?? false).Should().Be(stream);
    }

    protected override void AssertSystemPlacement(JsonNode body)
    {
        body["system"]![0]!["type"]!.GetValue<string>().Should().Be("text");
        body["system"]![0]!["text"]!.GetValue<string>().Should().Be(SystemPrompt);
        var messages = body["messages"]!.AsArray();
        messages.Should().ContainSingle();
        messages[0]!["role"]!.GetValue<string>().Should().Be("user");
    }

    protected override void AssertToolsOffered(JsonNode body)
    {
        var tool = body["tools"]![0]!;
        tool["name"]!.GetValue<string>().Should().Be("get_weather");
        tool["description"]!.GetValue<string>().Should().Be("The weather in a city");
        tool["input_schema"]!["properties"]!["location"]!["type"]!.GetValue<string>().Should().Be("string");
    }

    protected override void AssertToolResultSent(JsonNode body, string toolCallId)
    {
        var messages = body["messages"]!.AsArray();
        messages.Select(m => m!["role"]!.GetValue<string>()).Should().Equal("user", "assistant", "user");
        var toolUse = messages[1]!["content"]!.AsArray().Single(b => b!["type"]!.GetValue<string>() == "tool_use")!;
        toolUse["id"]!.GetValue<string>().Should().Be(toolCallId);
        toolUse["name"]!.GetValue<string>().Should().Be("get_weather");
        toolUse["input"]!["location"]!.GetValue<string>().Should().Be("Paris");
        var result = messages[2]!["content"]![0]!;
        result["type"]!.GetValue<string>().Should().Be("tool_result");
        result["tool_use_id"]!.GetValue<string>().Should().Be(toolCallId);
        result["content"]!.GetValue<string>().Should().Be(ToolResult);
    }

    [Test]
    public async Task CompleteChat_WithLegacyFunctions_SendsToolsAndANamedToolChoice()
    {
        using var response = await PostAsync("""
            {"model":"contract-model","max_tokens":300,"stop":["END"],
             "functions":[{"name":"get_weather","description":"The weather","parameters":{"type":"object","properties":{"location":{"type":"string"}}}}],
             "function_call":{"name":"get_weather"},
             "messages":[{"role":"user","content":"weather?"}]}
            """);

        response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        var body = ReceivedBodies().Single();
        body["tools"]![0]!["name"]!.GetValue<string>().Should().Be("get_weather");
        body["tool_choice"]!["type"]!.GetValue<string>().Should().Be("tool");
        body["tool_choice"]!["name"]!.GetValue<string>().Should().Be("get_weather");
        body["max_tokens"]!.GetValue<int>().Should().Be(300);
        body["stop_sequences"]![0]!.GetValue<string>().Should().Be("END");
    }

    [Test]
    public async Task CompleteChat_WithImagesAndConsecutiveUserMessages_MergesThemIntoOneTurnOfBlocks()
    {
        using var response = await PostAsync("""
            {"model":"contract-model","tool_choice":"required","tools":[{"type":"function","function":{"name":"describe"}}],
             "messages":[
              {"role":"system","content":"Be brief."},
              {"role":"user","content":[{"type":"text","text":"What is this?"},{"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo="}}]},
              {"role":"user","content":[{"type":"image_url","image_url":{"url":"https://example.com/cat.jpg"}}]},
              {"role":"developer","content":"Answer in English."}]}
            """);

        response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        var body = ReceivedBodies().Single();
        body["system"]!.AsArray().Select(b => b!["text"]!.GetValue<string>()).Should().Equal("Be brief.", "Answer in English.");
        var messages = body["messages"]!.AsArray();
        messages.Should().ContainSingle();
        var blocks = messages[0]!["content"]!.AsArray();
        blocks.Select(b => b!["type"]!.GetValue<string>()).Should().Equal("text", "image", "image");
        blocks[1]!["source"]!["type"]!.GetValue<string>().Should().Be("base64");
        blocks[1]!["source"]!["media_type"]!.GetValue<string>().Should().Be("image/png");
        blocks[1]!["source"]!["data"]!.GetValue<string>().Should().Be("iVBORw0KGgo=");
        blocks[2]!["source"]!["type"]!.GetValue<string>().Should().Be("url");
        blocks[2]!["source"]!["url"]!.GetValue<string>().Should().Be("https://example.com/cat.jpg");
        body["tool_choice"]!["type"]!.GetValue<string>().Should().Be("any");
        body["tools"]![0]!["input_schema"]!["type"]!.GetValue<string>().Should().Be("object");
    }

    [Test]
    public async Task CompleteChat_WhenAnthropicRejectsTheKey_Keeps401AndNeverEchoesTheKey()
    {
        Fake.Script.Enqueue(Route, Behavior.Fail(401));

        using var response = await PostAsync("""{"model":"contract-model","messages":[{"role":"user","content":"hi"}]}""");

        response.StatusCode.Should().Be(System.Net.HttpStatusCode.Unauthorized);
        var text = await response.Content.ReadAsStringAsync();
        text.Should().NotContain(Key);
        JsonNode.Parse(text)!["error"]!["message"]!.GetValue<string>().Should().Contain("anthropic");
        Fake.Script.Received.Count(r => r.Route == Route).Should().Be(1);
    }
}
