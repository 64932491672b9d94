using System.Text.Json;
using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Gateway.ChatCompletions;
using LlmPlatform.Application.Gateway.Contracts;

namespace LlmPlatform.Application.Tests.Gateway;

public sealed class CreateChatCompletionCommandValidatorTests
{
    private static readonly CallerIdentity Caller = new() { KeyHash = "hash" };

    private static CreateChatCompletionCommand Command(ChatCompletionRequest request) => new(request, Caller, "req_1");

    private static ChatCompletionRequest Valid() => new()
    {
        Model = "m",
        Messages = [new ChatMessage { Role = "user", Content = JsonSerializer.SerializeToElement("hi") }],
    };

    [Test]
    public void Validate_AWellFormedRequest_Passes()
    {
        new CreateChatCompletionCommandValidator().Validate(Command(Valid())).IsValid.Should().BeTrue();
    }

    [Test]
    public void Validate_EverySettingAtItsBounds_Passes()
    {
        var request = Valid() with
        {
            Temperature = 2,
            TopP = 0,
            N = 128,
            MaxTokens = 1,
            MaxCompletionTokens = 1,
            PresencePenalty = -2,
            FrequencyPenalty = 2,
            TopLogprobs = 20,
            Stop = JsonSerializer.SerializeToElement(new[] { "a" }),
            ResponseFormat = new ResponseFormat { Type = "json_schema" },
            ToolChoice = JsonSerializer.SerializeToElement(new { type = "function", function = new { name = "f" } }),
            FunctionCall = JsonSerializer.SerializeToElement("auto"),
        };

        new CreateChatCompletionCommandValidator().Validate(Command(request)).IsValid.Should().BeTrue();
    }

    [Test]
    public void Validate_TwoBadSettings_NamesTheFirst()
    {
        var result = new CreateChatCompletionCommandValidator().Validate(Command(Valid() with { TopP = 3, TopLogprobs = 99 }));

        result.Errors.Should().ContainSingle().Which.PropertyName.Should().Be("top_p");
    }

    [TestCase("model")]
    [TestCase("messages")]
    [TestCase("temperature")]
    [TestCase("top_p")]
    [TestCase("n")]
    [TestCase("max_tokens")]
    [TestCase("max_completion_tokens")]
    [TestCase("presence_penalty")]
    [TestCase("frequency_penalty")]
    [TestCase("top_logprobs")]
    [TestCase("role")]
    [TestCase("content")]
    [TestCase("later_role")]
    [TestCase("later_tool")]
    [TestCase("stop")]
    [TestCase("tools")]
    [TestCase("response_format")]
    [TestCase("tool_choice")]
    [TestCase("function_call")]
    public void Validate_ABadField_FailsNamingIt(string field)
    {
        var request = field switch
        {
            "model" => Valid() with { Model = "" },
            "messages" => Valid() with { Messages = [] },
            "temperature" => Valid() with { Temperature = 2.5 },
            "top_p" => Valid() with { TopP = -0.1 },
            "n" => Valid() with { N = 0 },
            "max_tokens" => Valid() with { MaxTokens = 0 },
            "max_completion_tokens" => Valid() with { MaxCompletionTokens = -3 },
            "presence_penalty" => Valid() with { PresencePenalty = -2.01 },
            "frequency_penalty" => Valid() with { FrequencyPenalty = 2.5 },
            "top_logprobs" => Valid() with { TopLogprobs = 21 },
            "role" => Valid() with { Messages = [new ChatMessage { Role = "robot", Content = JsonSerializer.SerializeToElement("x") }] },
            "content" => Valid() with { Messages = [new ChatMessage { Role = "user", Content = JsonSerializer.SerializeToElement(42) }] },
            "later_role" => Valid() with { Messages = [new ChatMessage { Role = "system", Content = JsonSerializer.SerializeToElement("x") }, new ChatMessage { Role = "user", Content = JsonSerializer.SerializeToElement("y") }, new ChatMessage { Content = JsonSerializer.SerializeToElement("z") }] },
            "later_tool" => Valid() with { Tools = [new ChatTool { Type = "function", Function = new FunctionDefinition { Name = "ok" } }, new ChatTool { Type = "function", Function = new FunctionDefinition { Name = "" } }] },
            "stop" => Valid() with { Stop = JsonSerializer.SerializeToElement(7) },
            "tools" => Valid() with { Tools = [new ChatTool { Type = "function" }] },
            "response_format" => Valid() with { ResponseFormat = new ResponseFormat { Type = "xml" } },
            "tool_choice" => Valid() with { ToolChoice = JsonSerializer.SerializeToElement(5) },
            "function_call" => Valid() with { FunctionCall = JsonSerializer.SerializeToElement(new[] { "auto" }) },
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };

        var result = new CreateChatCompletionCommandValidator().Validate(Command(request));

        result.IsValid.Should().BeFalse();
        var expected = field switch
        {
            "role" or "content" or "later_role" => "messages",
            "later_tool" => "tools",
            _ => field,
        };
        result.Errors.Should().Contain(e => e.PropertyName.StartsWith(expected, StringComparison.Ordinal));
        if (field is "later_role" or "later_tool")
        {
            result.Errors.Should().ContainSingle().Which.PropertyName.Should().Be(field == "later_role" ? "messages[2]" : "tools[1]", "the first bad element is named with its index");
        }
    }
}
