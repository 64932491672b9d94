using System.Net;
using System.Text;
using System.Text.Json;
using Anthropic;
using Anthropic.Models.Messages;
using LlmPlatform.FakeUpstream;
using LlmPlatform.TestSupport;

namespace LlmPlatform.Api.Tests.Anthropic;

/// <summary>
/// <c>POST /v1/messages</c> with the official Anthropic SDK: both auth styles, streamed and not, with tools,
/// against the mock and an OpenAI-format upstream, and Anthropic's error envelope for bad requests.
/// </summary>
public sealed class MessagesTests : GatewayFixture
{
    protected override string Config(string fake) => $"""
        model_list:
          - model_name: claude-mock
            litellm_params:
              model: mock/claude-sonnet
          - model_name: claude-via-openai
            litellm_params:
              model: openai/gpt-4o-mini
              api_base: {fake}/v1
              api_key: sk-upstream
        router_settings:
          num_retries: 0
        """;

    [SetUp]
    public void ResetFake() => Fake.Script.Reset();

    private AnthropicClient WithApiKey() => new() { ApiKey = ApiServer.MasterKey, BaseUrl = Api.BaseUri.ToString().TrimEnd('/'), MaxRetries = 0 };

    private AnthropicClient WithBearer() => new() { AuthToken = ApiServer.MasterKey, BaseUrl = Api.BaseUri.ToString().TrimEnd('/'), MaxRetries = 0 };

    private static MessageCreateParams Ask(string model, string text, IReadOnlyList<ToolUnion>? tools = null) => new()
    {
        Model = model,
        MaxTokens = 256,
        Messages = [new UserMessageParam { Content = text }],
        Tools = tools,
    };

    private static ToolUnion WeatherTool() => WeatherToolDefinition();

    private static Tool WeatherToolDefinition() => new()
    {
        Name = "get_weather",
        Description = "Current weather",
        InputSchema = new InputSchema
        {
            Properties = new Dictionary<string, JsonElement> { ["location"] = JsonDocument.Parse("""{"type":"string"}""").RootElement },
            Required = ["location"],
        },
    };

    [Test]
    public async Task Create_WithApiKeyHeaderAndMock_ReturnsAnAnthropicMessage()
    {
        var message = await WithApiKey().Messages.Create(Ask("claude-mock", "Hello Claude"));

        message.ID.Should().StartWith("msg_");
        message.Model.Raw().Should().Be("claude-mock");
        message.Content.Should().ContainSingle();
        message.Content[0].TryPickText(out var text).Should().BeTrue();
        text!.Text.Should().Be("This is a mock answer from claude-sonnet. You said: Hello Claude");
        message.StopReason!.Raw().Should().Be("end_turn");
        message.Usage.InputTokens.Should().BePositive();
        message.Usage.OutputTokens.Should().BePositive();
    }

    [Test]
    public async Task CreateStreaming_WithBearerAndMock_StreamsTextDeltasInOrder()
    {
        var kinds = new List<string>();
        var text = new StringBuilder();
        string? stop = null;
        await foreach (var streamEvent in WithBearer().Messages.CreateStreaming(Ask("claude-mock", "stream it")))
        {
            if (streamEvent.TryPickStart(out _))
            {
                kinds.Add("message_start");
            }
            else if (streamEvent.TryPickContentBlockStart(out _))
            {
                kinds.Add("content_block_start");
            }
            else if (streamEvent.TryPickContentBlockDelta(out var delta))
            {
                kinds.Add("content_block_delta");
                if (delta!.Delta.TryPickText(out var textDelta))
                {
                    text.Append(textDelta!.Text);
                }
            }
            else if (streamEvent.TryPickContentBlockStop(out _))
            {
                kinds.Add("content_block_stop");
            }
            else if (streamEvent.TryPickDelta(out var messageDelta))
            {
                kinds.Add("message_delta");
                stop = messageDelta!.Delta.StopReason?.Raw();
                messageDelta.Usage.OutputTokens.Should().BePositive();
            }
            else if (streamEvent.TryPickStop(out _))
            {
                kinds.Add("message_stop");
            }
        }

        text.ToString().Should().Be("This is a mock answer from claude-sonnet. You said: stream it");
        kinds[0].Should().Be("message_start");
        kinds[1].Should().Be("content_block_start");
        kinds[^3..].Should().Equal("content_block_stop", "message_delta", "message_stop");
        stop.Should().Be("end_turn");
    }

    [Test]
    public async Task Create_WithToolsThroughOpenAiUpstream_ReturnsToolUseAndTranslatesTheRequest()
    {
        Fake.Script.Enqueue(Routes.OpenAiChat, Behavior.ToolCall("get_weather", """{"location":"Paris"}"""));
        var parameters = Ask("claude-via-openai", "Weather in Paris?", [WeatherTool()]) with
        {
            System = "Be brief.",
            StopSequences = ["STOP"],
            ToolChoice = new ToolChoiceAny(),
            Metadata = new Metadata { UserID = "end-user-7" },
        };

        var message = await WithApiKey().Messages.Create(parameters);

        message.StopReason!.Raw().Should().Be("tool_use");
        message.Content.Should().ContainSingle();
        message.Content[0].TryPickToolUse(out var toolUse).Should().BeTrue();
        toolUse!.Name.Should().Be("get_weather");
        toolUse.ID.Should().Be("call_fake_1");
        toolUse.Input["location"].GetString().Should().Be("Paris");

        using var upstream = JsonDocument.Parse(Fake.Script.Received.Single(r => r.Route == Routes.OpenAiChat).Body);
        var root = upstream.RootElement;
        root.GetProperty("model").GetString().Should().Be("gpt-4o-mini");
        root.GetProperty("max_tokens").GetInt32().Should().Be(256);
        root.GetProperty("messages")[0].GetProperty("role").GetString().Should().Be("system");
        root.GetProperty("messages")[0].GetProperty("content").GetString().Should().Be("Be brief.");
        root.GetProperty("tools")[0].GetProperty("function").GetProperty("parameters").GetProperty("required")[0].GetString().Should().Be("location");
        root.GetProperty("tool_choice").GetString().Should().Be("required");
        root.GetProperty("stop")[0].GetString().Should().Be("STOP");
        root.GetProperty("user").GetString().Should().Be("end-user-7");
    }

    [Test]
    public async Task CreateStreaming_WithToolsThroughOpenAiUpstream_StreamsInputJsonDeltas()
    {
        Fake.Script.Enqueue(Routes.OpenAiChat, Behavior.ToolCall("get_weather", """{"location":"Oslo"}"""));
        var json = new StringBuilder();
        string? toolName = null;
        string? stop = null;
        await foreach (var streamEvent in WithBearer().Messages.CreateStreaming(Ask("claude-via-openai", "Weather?", [WeatherTool()])))
        {
            if (streamEvent.TryPickContentBlockStart(out var start) && start!.ContentBlock.TryPickToolUse(out var toolUse))
            {
                toolName = toolUse!.Name;
            }
            else if (streamEvent.TryPickContentBlockDelta(out var delta) && delta!.Delta.TryPickInputJson(out var inputJson))
            {
                json.Append(inputJson!.PartialJson);
            }
            else if (streamEvent.TryPickDelta(out var messageDelta))
            {
                stop = messageDelta!.Delta.StopReason?.Raw();
            }
        }

        toolName.Should().Be("get_weather");
        json.ToString().Should().Be("""{"location":"Oslo"}""");
        stop.Should().Be("tool_use");
    }

    [Test]
    public async Task Create_WithToolResultTurn_SendsAToolMessageUpstream()
    {
        using var response = await PostAsync("v1/messages", """
            {"model":"claude-via-openai","max_tokens":50,"temperature":0.5,"top_k":5,
             "tools":[{"name":"get_weather","input_schema":{"type":"object"}}],
             "messages":[
               {"role":"user","content":"Weather?"},
               {"role":"assistant","content":[{"type":"text","text":"Checking."},{"type":"tool_use","id":"toolu_1","name":"get_weather","input":{"location":"Rome"}}]},
               {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":[{"type":"text","text":"Sunny"}]},{"type":"text","text":"Thanks"}]}]}
            """);
        response.StatusCode.Should().Be(HttpStatusCode.OK);

        using var upstream = JsonDocument.Parse(Fake.Script.Received.Single(r => r.Route == Routes.OpenAiChat).Body);
        var messages = upstream.RootElement.GetProperty("messages");
        messages.GetArrayLength().Should().Be(4);
        messages[1].GetProperty("tool_calls")[0].GetProperty("id").GetString().Should().Be("toolu_1");
        messages[1].GetProperty("tool_calls")[0].GetProperty("function").GetProperty("arguments").GetString().Should().Be("""{"location":"Rome"}""");
        messages[2].GetProperty("role").GetString().Should().Be("tool");
        messages[2].GetProperty("tool_call_id").GetString().Should().Be("toolu_1");
        messages[2].GetProperty("content").GetString().Should().Be("Sunny");
        messages[3].GetProperty("content")[0].GetProperty("text").GetString().Should().Be("Thanks");
        upstream.RootElement.GetProperty("temperature").GetDouble().Should().Be(0.5);
        upstream.RootElement.TryGetProperty("top_k", out _).Should().BeFalse();
    }

    [Test]
    public async Task Create_WithImageBlock_SendsAnImageUrlPart()
    {
        using var response = await PostAsync("v1/messages", """
            {"model":"claude-via-openai","max_tokens":50,
             "messages":[{"role":"user","content":[{"type":"image","source":{"type":"base64","media_type":"image/png","data":"iVBORw0KGgo="}},{"type":"text","text":"What is this?"}]}]}
            """);
        response.StatusCode.Should().Be(HttpStatusCode.OK);

        using var upstream = JsonDocument.Parse(Fake.Script.Received.Single(r => r.Route == Routes.OpenAiChat).Body);
        var parts = upstream.RootElement.GetProperty("messages")[0].GetProperty("content");
        parts[0].GetProperty("image_url").GetProperty("url").GetString().Should().Be("data:image/png;base64,iVBORw0KGgo=");
        parts[1].GetProperty("text").GetString().Should().Be("What is this?");
    }

    [Test]
    public async Task Create_Success_WritesOneAnthropicMessagesSpendRow()
    {
        var rows = await SpendRowsAsync("v1/messages", """{"model":"claude-mock","max_tokens":10,"messages":[{"role":"user","content":"ledger"}]}""", HttpStatusCode.OK);
        rows.Should().Equal(("anthropic_messages", "success"));
    }

    [Test]
    public async Task Create_UpstreamResetMidStream_EndsWithAnErrorEvent()
    {
        Fake.Script.Enqueue(Routes.OpenAiChat, Behavior.ResetMidStream(3) with { ChunkDelay = TimeSpan.FromMilliseconds(100) });
        using var response = await PostAsync("v1/messages", """{"model":"claude-via-openai","max_tokens":10,"stream":true,"messages":[{"role":"user","content":"hi"}]}""");
        var body = await response.Content.ReadAsStringAsync();

        body.Should().StartWith("event: message_start\n");
        body.Should().Contain("event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"api_error\"");
        body.Should().NotContain("message_stop");
    }

    [Test]
    public async Task Create_WithoutAnyKey_Is401InTheAnthropicEnvelope()
    {
        using var anonymous = new HttpClient { BaseAddress = Api.BaseUri };
        using var response = await anonymous.PostAsync("v1/messages", new StringContent("""{"model":"claude-mock","max_tokens":5,"messages":[]}""", Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        await ExpectAnthropicErrorAsync(response, "authentication_error");
    }

    [Test]
    public async Task Create_WithAWrongKey_ThrowsAnAuthenticationErrorInTheSdk()
    {
        var client = new AnthropicClient { ApiKey = "sk-wrong-key-000000000000", BaseUrl = Api.BaseUri.ToString().TrimEnd('/'), MaxRetries = 0 };
        var act = () => client.Messages.Create(Ask("claude-mock", "hi"));
        (await act.Should().ThrowAsync<Exception>()).Which.Message.Should().Contain("Unauthorized").And.Contain("authentication_error");
    }

    [TestCase("""{"model":"claude-mock","messages":[{"role":"user","content":"x"}]}""", HttpStatusCode.BadRequest, "invalid_request_error", "max_tokens")]
    [TestCase("""{"max_tokens":5,"messages":[{"role":"user","content":"x"}]}""", HttpStatusCode.BadRequest, "invalid_request_error", "model")]
    [TestCase("""{"model":"claude-mock","max_tokens":5,"messages":[]}""", HttpStatusCode.BadRequest, "invalid_request_error", "messages")]
    [TestCase("""{"model":"claude-mock","max_tokens":5,"messages":[{"role":"tool","content":"x"}]}""", HttpStatusCode.BadRequest, "invalid_request_error", "role")]
    [TestCase("""{"model":"claude-mock","max_tokens":5,"messages":[{"role":"user","content":[{"type":"video"}]}]}""", HttpStatusCode.BadRequest, "invalid_request_error", "video")]
    [TestCase("""{"model":"claude-mock","max_tokens":"many","messages":[{"role":"user","content":"x"}]}""", HttpStatusCode.BadRequest, "invalid_request_error", "max_tokens")]
    [TestCase("""{"model":"claude-mock","max_tokens":5,"tool_choice":{"type":"sometimes"},"messages":[{"role":"user","content":"x"}]}""", HttpStatusCode.BadRequest, "invalid_request_error", "tool_choice")]
    [TestCase("""{"model":"claude-mock","max_tokens":5,"tools":[{"type":"web_search_20250305","name":"web_search"}],"messages":[{"role":"user","content":"x"}]}""", HttpStatusCode.BadRequest, "invalid_request_error", "server tools")]
    [TestCase("""{"model":"claude-none","max_tokens":5,"messages":[{"role":"user","content":"x"}]}""", HttpStatusCode.NotFound, "not_found_error", "claude-none")]
    [TestCase("""{"model":"claude-mock","max_tokens":5,"messages":5}""", HttpStatusCode.BadRequest, "invalid_request_error", "'messages' must be an array")]
    [TestCase("""{not json""", HttpStatusCode.BadRequest, "invalid_request_error", "property name")]
    public async Task Create_BadInput_IsAClientErrorInTheAnthropicEnvelope(string body, HttpStatusCode status, string type, string mentions)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/messages") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("anthropic-version", "2023-06-01");
        using var response = await Api.Client.SendAsync(request);

        response.StatusCode.Should().Be(status);
        var message = await ExpectAnthropicErrorAsync(response, type);
        message.Should().Contain(mentions).And.NotContainAny("System.", "LlmPlatform.", "`1");
    }

    [Test]
    public async Task CountTokens_WithTheSdk_CountsMoreForALongerPromptAndForTools()
    {
        var client = WithApiKey();
        var shortCount = await client.Messages.CountTokens(new MessageCountTokensParams { Model = "claude-mock", Messages = [new UserMessageParam { Content = "Hi" }] });
        var longCount = await client.Messages.CountTokens(new MessageCountTokensParams
        {
            Model = "claude-mock",
            Messages = [new UserMessageParam { Content = "Hi, please tell me a long story about a lighthouse keeper and the sea." }],
        });
        var withTools = await client.Messages.CountTokens(new MessageCountTokensParams
        {
            Model = "claude-mock",
            Messages = [new UserMessageParam { Content = "Hi" }],
            Tools = [WeatherToolDefinition()],
        });

        shortCount.InputTokens.Should().BePositive();
        longCount.InputTokens.Should().BeGreaterThan(shortCount.InputTokens);
        withTools.InputTokens.Should().BeGreaterThan(shortCount.InputTokens);
    }

    [Test]
    public async Task CountTokens_UnknownModel_Is404InTheAnthropicEnvelope()
    {
        using var response = await PostAsync("v1/messages/count_tokens", """{"model":"claude-none","messages":[{"role":"user","content":"x"}]}""");
        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        await ExpectAnthropicErrorAsync(response, "not_found_error");
    }

    [Test]
    public async Task OtherPaths_StillAnswerInTheOpenAiEnvelope()
    {
        using var anonymous = new HttpClient { BaseAddress = Api.BaseUri };
        using var response = await anonymous.PostAsync("v1/chat/completions", new StringContent("{}", Encoding.UTF8, "application/json"));
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        error.RootElement.GetProperty("error").GetProperty("code").GetString().Should().Be("invalid_api_key");
        error.RootElement.TryGetProperty("type", out _).Should().BeFalse();
    }

    private static async Task<string> ExpectAnthropicErrorAsync(HttpResponseMessage response, string type)
    {
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        error.RootElement.GetProperty("type").GetString().Should().Be("error");
        error.RootElement.GetProperty("error").GetProperty("type").GetString().Should().Be(type);
        error.RootElement.GetProperty("request_id").GetString().Should().Be(response.Headers.GetValues("x-request-id").Single());
        return error.RootElement.GetProperty("error").GetProperty("message").GetString()!;
    }
}
