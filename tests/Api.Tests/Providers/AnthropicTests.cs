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

    protected override string UnsupportedParam => "frequency_penalty";

    protected override void SetUnsupportedParam(ChatCompletionOptions options) => options.FrequencyPenalty = 0.5f;

    protected override void AssertRequestShape(RecordedRequest request, bool stream)
    {
        request.PathAndQuery.Should().Be("/v1/messages");
        request.Headers["x-api-key"].Should().Be(Key);
        request.Headers["anthropic-version"].Should().Be("2023-06-01");
        var body = JsonNode.Parse(request.Body)!;
        body["model"]!.GetValue<string>().Should().Be("claude-test");
        body["max_tokens"]!.GetValue<int>().Should().Be(4096);
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
}
