using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using LlmPlatform.FakeUpstream;
using LlmPlatform.TestSupport;
using OpenAI;
using OpenAI.Chat;

namespace LlmPlatform.Api.Tests.Providers;

/// <summary>
/// The contract every translated provider keeps through the real gateway: the official OpenAI SDK on one side,
/// the provider's fake speaking its own wire format on the other. Each provider states where its fields go.
/// </summary>
public abstract class ProviderContractTests
{
    protected const string ModelName = "contract-model";
    protected const string SystemPrompt = "You are a terse weather assistant.";
    protected const string ToolResult = "22 degrees and sunny";

    private static readonly BinaryData WeatherSchema = BinaryData.FromString(
        """{"type":"object","properties":{"location":{"type":"string"}},"required":["location"]}""");

    private FakeUpstreamServer _fake = null!;
    private ApiServer _api = null!;

    /// <summary>The deployment's <c>litellm_params.model</c>, such as <c>anthropic/claude-test</c>.</summary>
    protected abstract string Model { get; }

    /// <summary>The fake's route name for this provider's chat surface.</summary>
    protected abstract string Route { get; }

    /// <summary>The credential lines of the deployment (indented as litellm_params entries).</summary>
    protected abstract string CredentialParams { get; }

    /// <summary>The secret in <see cref="CredentialParams"/> that must never appear in an answer.</summary>
    protected abstract string Secret { get; }

    /// <summary>The OpenAI name of a parameter the provider cannot take.</summary>
    protected abstract string UnsupportedParam { get; }

    protected FakeUpstreamServer Fake => _fake;

    protected abstract void SetUnsupportedParam(ChatCompletionOptions options);

    protected abstract void AssertSystemPlacement(JsonNode body);

    /// <summary>The first request of the round trip offered the <c>get_weather</c> tool in the provider's format.</summary>
    protected abstract void AssertToolsOffered(JsonNode body);

    /// <summary>The second request carried the assistant's tool call and <see cref="ToolResult"/> in the provider's format.</summary>
    protected abstract void AssertToolResultSent(JsonNode body, string toolCallId);

    /// <summary>Checks of the upstream request that are specific to the provider (path, headers).</summary>
    protected abstract void AssertRequestShape(RecordedRequest request, bool stream);

    protected virtual string ExtraParams => string.Empty;

    /// <summary>Extra model_info lines of the deployment.</summary>
    protected virtual string ExtraInfo => string.Empty;

    private string Config(bool dropParams) => $"""
        model_list:
          - model_name: {ModelName}
            litellm_params:
              model: {Model}
              api_base: {_fake.BaseUrl}
              timeout: 1
        {CredentialParams}
        {ExtraParams}
            model_info:
              id: contract-1
        {ExtraInfo}
        router_settings:
          num_retries: 2
          allowed_fails: 1000
        litellm_settings:
          drop_params: {(dropParams ? "true" : "false")}
        """;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _fake = await FakeUpstreamServer.StartAsync();
        _api = await ApiServer.StartAsync(Config(dropParams: false));
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _api.DisposeAsync();
        await _fake.DisposeAsync();
    }

    [SetUp]
    public void ResetScript() => _fake.Script.Reset();

    private static ChatClient Client(ApiServer api) =>
        new(ModelName, new ApiKeyCredential(ApiServer.MasterKey), new OpenAIClientOptions { Endpoint = api.OpenAiEndpoint, RetryPolicy = new ClientRetryPolicy(0) });

    /// <summary>A client of the shared gateway, for provider-specific tests.</summary>
    protected ChatClient Client() => Client(_api);

    private List<RecordedRequest> Received() => _fake.Script.Received.Where(r => r.Route == Route).ToList();

    [Test]
    public async Task CompleteChat_WhenUpstreamAnswers_ReturnsTheTextAndUsage()
    {
        var completion = (await Client(_api).CompleteChatAsync([new UserChatMessage("Hello upstream")])).Value;

        completion.Content[0].Text.Should().Be(_fake.Options.DefaultAnswer());
        completion.FinishReason.Should().Be(ChatFinishReason.Stop);
        completion.Usage.InputTokenCount.Should().BeGreaterThan(0);
        completion.Usage.OutputTokenCount.Should().Be(_fake.Options.AnswerWords);
        completion.Usage.TotalTokenCount.Should().Be(completion.Usage.InputTokenCount + completion.Usage.OutputTokenCount);
        var request = Received().Should().ContainSingle().Subject;
        AssertRequestShape(request, stream: false);
        request.Body.Should().Contain("Hello upstream");
    }

    [Test]
    public async Task CompleteChatStreaming_WhenUpstreamStreams_AssemblesTheSameTextWithStop()
    {
        var text = new StringBuilder();
        ChatFinishReason? finish = null;
        ChatTokenUsage? usage = null;
        await foreach (var update in Client(_api).CompleteChatStreamingAsync([new UserChatMessage("Stream please")]))
        {
            foreach (var part in update.ContentUpdate)
            {
                text.Append(part.Text);
            }

            finish ??= update.FinishReason;
            usage ??= update.Usage;
        }

        text.ToString().Should().Be(_fake.Options.DefaultAnswer());
        finish.Should().Be(ChatFinishReason.Stop);
        usage.Should().NotBeNull();
        usage!.OutputTokenCount.Should().Be(_fake.Options.AnswerWords);
        usage.InputTokenCount.Should().BeGreaterThan(0);
        AssertRequestShape(Received().Should().ContainSingle().Subject, stream: true);
    }

    [Test]
    public async Task CompleteChat_WithSystemPrompt_PutsItWhereTheProviderExpects()
    {
        await Client(_api).CompleteChatAsync([new SystemChatMessage(SystemPrompt), new UserChatMessage("Weather?")]);

        var body = JsonNode.Parse(Received().Should().ContainSingle().Subject.Body)!;
        AssertSystemPlacement(body);
    }

    [Test]
    public async Task CompleteChat_ToolCallRoundTrip_TranslatesToolsCallsAndResults()
    {
        var options = new ChatCompletionOptions { Tools = { ChatTool.CreateFunctionTool("get_weather", "The weather in a city", WeatherSchema) } };
        _fake.Script.Enqueue(Route, Behavior.ToolCall("get_weather", """{"location":"Paris"}"""));
        List<ChatMessage> messages = [new UserChatMessage("What is the weather in Paris?")];

        var first = (await Client(_api).CompleteChatAsync(messages, options)).Value;

        first.FinishReason.Should().Be(ChatFinishReason.ToolCalls);
        var call = first.ToolCalls.Should().ContainSingle().Subject;
        call.FunctionName.Should().Be("get_weather");
        JsonNode.DeepEquals(JsonNode.Parse(call.FunctionArguments.ToString()), JsonNode.Parse("""{"location":"Paris"}""")).Should().BeTrue();
        call.Id.Should().NotBeNullOrEmpty();

        messages.Add(new AssistantChatMessage(first));
        messages.Add(new ToolChatMessage(call.Id, ToolResult));
        var second = (await Client(_api).CompleteChatAsync(messages, options)).Value;

        second.FinishReason.Should().Be(ChatFinishReason.Stop);
        var received = Received();
        received.Should().HaveCount(2);
        AssertToolsOffered(JsonNode.Parse(received[0].Body)!);
        AssertToolResultSent(JsonNode.Parse(received[1].Body)!, call.Id);
    }

    [Test]
    public async Task CompleteChatStreaming_WhenUpstreamCallsATool_StreamsToolCallDeltas()
    {
        var options = new ChatCompletionOptions { Tools = { ChatTool.CreateFunctionTool("get_weather", "The weather in a city", WeatherSchema) } };
        _fake.Script.Enqueue(Route, Behavior.ToolCall("get_weather", """{"location":"Paris"}"""));
        var arguments = new StringBuilder();
        string? name = null;
        string? id = null;
        ChatFinishReason? finish = null;
        await foreach (var update in Client(_api).CompleteChatStreamingAsync([new UserChatMessage("Weather in Paris?")], options))
        {
            foreach (var part in update.ToolCallUpdates)
            {
                part.Index.Should().Be(0);
                name ??= part.FunctionName;
                id ??= part.ToolCallId;
                arguments.Append(part.FunctionArgumentsUpdate?.ToString());
            }

            finish ??= update.FinishReason;
        }

        name.Should().Be("get_weather");
        id.Should().NotBeNullOrEmpty();
        JsonNode.DeepEquals(JsonNode.Parse(arguments.ToString()), JsonNode.Parse("""{"location":"Paris"}""")).Should().BeTrue();
        finish.Should().Be(ChatFinishReason.ToolCalls);
    }

    [Test]
    public async Task CompleteChat_When429WithRetryAfterThenSuccess_RetriesOnceAndAnswers()
    {
        _fake.Script.Enqueue(Route, Behavior.Fail(429, retryAfterSeconds: 1), Behavior.Answer());

        using var response = await PostAsync(_api, """{"model":"contract-model","messages":[{"role":"user","content":"retry me"}]}""");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.GetValues("x-llmplatform-attempts").Single().Should().Be("2");
        Received().Should().HaveCount(2);
    }

    [Test]
    public async Task CompleteChat_WhenTheConnectionResetsBeforeTheFirstByte_RetriesAndAnswers()
    {
        _fake.Script.Enqueue(Route, Behavior.ResetBeforeFirstByte(), Behavior.Answer());

        using var response = await PostAsync(_api, """{"model":"contract-model","messages":[{"role":"user","content":"reset me"}]}""");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.GetValues("x-llmplatform-attempts").Single().Should().Be("2");
    }

    [Test]
    public async Task CompleteChatStreaming_WhenTheUpstreamHangsOnce_TimesOutAndRetries()
    {
        _fake.Script.Enqueue(Route, Behavior.Hang(), Behavior.Answer());

        using var response = await PostAsync(_api, """{"model":"contract-model","stream":true,"messages":[{"role":"user","content":"hang once"}]}""");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.GetValues("x-llmplatform-attempts").Single().Should().Be("2");
        var events = await response.Content.ReadAsStringAsync();
        events.Should().Contain("[DONE]");
        Received().Should().HaveCount(2);
    }

    [Test]
    public async Task CompleteChat_When500OnEveryAttempt_Is502NamingTheProviderWithoutTheKey()
    {
        _fake.Script.SetDefault(Route, Behavior.Fail(500));

        using var response = await PostAsync(_api, """{"model":"contract-model","messages":[{"role":"user","content":"fail me"}]}""");

        response.StatusCode.Should().Be(HttpStatusCode.BadGateway);
        var text = await response.Content.ReadAsStringAsync();
        text.Should().NotContain(Secret);
        var error = JsonNode.Parse(text)!["error"]!;
        error["message"]!.GetValue<string>().Should().Contain(Model.Split('/')[0]);
        error["type"]!.GetValue<string>().Should().NotBeNullOrEmpty();
        Received().Should().HaveCount(3);
    }

    [Test]
    public async Task CompleteChatStreaming_WhenUpstreamResetsMidStream_TheClientSeesNoNormalFinish()
    {
        _fake.Script.Enqueue(Route, Behavior.ResetMidStream(4), Behavior.ResetMidStream(4));
        ChatFinishReason? finish = null;
        var text = new StringBuilder();
        try
        {
            await foreach (var update in Client(_api).CompleteChatStreamingAsync([new UserChatMessage("Stream then break")]))
            {
                foreach (var part in update.ContentUpdate)
                {
                    text.Append(part.Text);
                }

                finish ??= update.FinishReason;
            }
        }
        catch (ClientResultException)
        {
            // Either the SDK throws or it sees the stream end without a finish reason.
        }

        finish.Should().BeNull();
        text.ToString().Should().NotBe(_fake.Options.DefaultAnswer());

        using var response = await PostAsync(_api, """{"model":"contract-model","stream":true,"messages":[{"role":"user","content":"Stream then break"}]}""");
        var events = await response.Content.ReadAsStringAsync();
        events.Should().Contain("\"error\"");
        events.Should().NotContain("[DONE]");
        events.Should().NotContain("\"finish_reason\":\"stop\"");
    }

    [Test]
    public async Task CompleteChat_WithUnsupportedParamAndNoDropParams_Is400NamingIt()
    {
        var options = new ChatCompletionOptions();
        SetUnsupportedParam(options);

        var act = () => Client(_api).CompleteChatAsync([new UserChatMessage("hi")], options);

        var error = (await act.Should().ThrowAsync<ClientResultException>()).Which;
        error.Status.Should().Be(400);
        error.Message.Should().Contain(UnsupportedParam);
        Received().Should().BeEmpty();
    }

    [Test]
    public async Task CompleteChat_WithUnsupportedParamAndDropParams_DropsItAndAnswers()
    {
        await using var api = await ApiServer.StartAsync(Config(dropParams: true));
        var options = new ChatCompletionOptions();
        SetUnsupportedParam(options);

        var completion = (await Client(api).CompleteChatAsync([new UserChatMessage("hi")], options)).Value;

        completion.Content[0].Text.Should().Be(_fake.Options.DefaultAnswer());
        Received().Should().ContainSingle().Which.Body.Should().NotContain(UnsupportedParam);
    }

    [Test]
    public async Task CompleteChat_WithToolArgumentsThatAreNotJson_Is400WithoutCallingUpstream()
    {
        using var response = await PostAsync(_api, """
            {"model":"contract-model","messages":[
              {"role":"user","content":"weather?"},
              {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{not json"}}]},
              {"role":"tool","tool_call_id":"call_1","content":"sunny"}]}
            """);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;
        error["type"]!.GetValue<string>().Should().Be("invalid_request_error");
        error["message"]!.GetValue<string>().Should().Contain("get_weather");
        Received().Should().BeEmpty();
    }

    /// <summary>Posts raw JSON to the shared gateway with the master key.</summary>
    protected Task<HttpResponseMessage> PostAsync(string json) => PostAsync(_api, json);

    /// <summary>The bodies this provider's fake received, in order.</summary>
    protected List<JsonNode> ReceivedBodies() => Received().Select(r => JsonNode.Parse(r.Body)!).ToList();

    private static async Task<HttpResponseMessage> PostAsync(ApiServer api, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/chat/completions")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        return await api.Client.SendAsync(request);
    }
}
