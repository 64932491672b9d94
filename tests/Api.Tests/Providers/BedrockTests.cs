using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LlmPlatform.FakeUpstream;
using OpenAI.Chat;

namespace LlmPlatform.Api.Tests.Providers;

/// <summary>The Bedrock Converse adapter through the gateway, signed with SigV4.</summary>
public sealed partial class BedrockTests : ProviderContractTests
{
    private const string AccessKeyId = "AKIAFAKETEST1234";
    private const string SecretKey = "bedrock/Test+Secret9f8e7d6c5b4a";

    protected override string Model => "bedrock/anthropic.claude-test-v1:0";

    protected override string Route => Routes.BedrockConverse;

    protected override string CredentialParams => $"""
              aws_region_name: us-west-2
              aws_access_key_id: {AccessKeyId}
              aws_secret_access_key: "{SecretKey}"
        """;

    protected override string Secret => SecretKey;

    protected override string UnsupportedParam => "frequency_penalty";

    protected override void SetUnsupportedParam(ChatCompletionOptions options) => options.FrequencyPenalty = 0.5f;

    protected override void AssertRequestShape(RecordedRequest request, bool stream)
    {
        request.PathAndQuery.Should().Be(stream
            ? "/model/anthropic.claude-test-v1%3A0/converse-stream"
            : "/model/anthropic.claude-test-v1%3A0/converse");
        var authorization = SigV4().Match(request.Headers["authorization"]);
        authorization.Success.Should().BeTrue(request.Headers["authorization"]);
        authorization.Groups["key"].Value.Should().Be(AccessKeyId);
        authorization.Groups["scope"].Value.Should().Be("us-west-2/bedrock/aws4_request");
        authorization.Groups["signed"].Value.Should().Be("content-type;host;x-amz-date");
        request.Headers["authorization"].Should().NotContain(SecretKey);
        request.Headers["x-amz-date"].Should().MatchRegex("^[0-9]{8}T[0-9]{6}Z$");
        JsonNode.Parse(request.Body)!["messages"]![0]!["content"]![0]!["text"].Should().NotBeNull();
    }

    protected override void AssertSystemPlacement(JsonNode body)
    {
        body["system"]![0]!["text"]!.GetValue<string>().Should().Be(SystemPrompt);
        var messages = body["messages"]!.AsArray();
        messages.Should().ContainSingle();
        messages[0]!["role"]!.GetValue<string>().Should().Be("user");
    }

    protected override void AssertToolsOffered(JsonNode body)
    {
        var spec = body["toolConfig"]!["tools"]![0]!["toolSpec"]!;
        spec["name"]!.GetValue<string>().Should().Be("get_weather");
        spec["description"]!.GetValue<string>().Should().Be("The weather in a city");
        spec["inputSchema"]!["json"]!["properties"]!["location"]!["type"]!.GetValue<string>().Should().Be("string");
    }

    protected override void AssertToolResultSent(JsonNode body, string toolCallId)
    {
        var messages = body["messages"]!.AsArray();
        messages.Select(m => m!["role"]!.GetValue<string>()).Should().Equal("user", "assistant", "user");
        var use = messages[1]!["content"]![0]!["toolUse"]!;
        use["toolUseId"]!.GetValue<string>().Should().Be(toolCallId);
        use["name"]!.GetValue<string>().Should().Be("get_weather");
        use["input"]!["location"]!.GetValue<string>().Should().Be("Paris");
        var result = messages[2]!["content"]![0]!["toolResult"]!;
        result["toolUseId"]!.GetValue<string>().Should().Be(toolCallId);
        result["content"]![0]!["text"]!.GetValue<string>().Should().Be(ToolResult);
    }

    [Test]
    public async Task CompleteChat_WithSamplingAndStop_MapsToInferenceConfig()
    {
        var options = new ChatCompletionOptions { Temperature = 0.5f, MaxOutputTokenCount = 99, StopSequences = { "STOP" } };

        await Client().CompleteChatAsync([new UserChatMessage("config please")], options);

        var config = JsonNode.Parse(Fake.Script.Received.Single(r => r.Route == Route).Body)!["inferenceConfig"]!;
        config["maxTokens"]!.GetValue<int>().Should().Be(99);
        config["temperature"]!.GetValue<double>().Should().Be(0.5);
        config["stopSequences"]![0]!.GetValue<string>().Should().Be("STOP");
    }

    [Test]
    public async Task CompleteChat_WithRequiredToolChoice_SendsAnyInToolConfig()
    {
        using var response = await PostAsync("""
            {"model":"contract-model","tool_choice":"required",
             "tools":[{"type":"function","function":{"name":"get_weather","parameters":{"type":"object","properties":{}}}}],
             "messages":[{"role":"user","content":"weather?"}]}
            """);

        response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        var toolConfig = ReceivedBodies().Single()["toolConfig"]!;
        toolConfig["toolChoice"]!["any"].Should().BeOfType<JsonObject>();
        toolConfig["tools"]![0]!["toolSpec"]!["name"]!.GetValue<string>().Should().Be("get_weather");
    }

    [Test]
    public async Task CompleteChat_WithTopKAndAnImageUrl_Is400NamingTheProblem()
    {
        using var topK = await PostAsync("""{"model":"contract-model","top_k":5,"messages":[{"role":"user","content":"hi"}]}""");
        using var image = await PostAsync("""
            {"model":"contract-model","messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"https://example.com/a.png"}}]}]}
            """);

        topK.StatusCode.Should().Be(System.Net.HttpStatusCode.BadRequest);
        (await topK.Content.ReadAsStringAsync()).Should().Contain("top_k").And.Contain("unsupported_params");
        image.StatusCode.Should().Be(System.Net.HttpStatusCode.BadRequest);
        (await image.Content.ReadAsStringAsync()).Should().Contain("data URL");
        ReceivedBodies().Should().BeEmpty();
    }

    [GeneratedRegex(@"^AWS4-HMAC-SHA256 Credential=(?<key>[A-Z0-9]+)/[0-9]{8}/(?<scope>[^,]+), SignedHeaders=(?<signed>[a-z0-9;-]+), Signature=[0-9a-f]{64}$")]
    private static partial Regex SigV4();
}
