using System.Text.Json;
using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Infrastructure.Providers.OpenAi;

namespace LlmPlatform.Infrastructure.Tests.Providers.OpenAi;

/// <summary>The one-pass chunk reader must read every event exactly as the generated parser does, and refuse the same ones.</summary>
public sealed class ChatChunkJsonTests
{
    private static readonly string[] Valid =
    [
        """{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1700000000,"model":"gpt-4o","system_fingerprint":"fp_1","choices":[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}]}""",
        """{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1700000000,"model":"gpt-4o","choices":[{"index":0,"delta":{"content":"Hello \"world\" \u00e9\n"},"finish_reason":null}]}""",
        """{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1700000000,"model":"gpt-4o","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}""",
        """{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1700000000,"model":"gpt-4o","choices":[],"usage":{"prompt_tokens":9,"completion_tokens":12,"total_tokens":21,"prompt_tokens_details":{"cached_tokens":0}}}""",
        """{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"get_weather","arguments":""}}]},"finish_reason":null}]}""",
        """{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\"city\":"}}]}}]}""",
        """{"id":"chatcmpl-1","created":1,"model":"m","choices":[{"index":0,"delta":{"function_call":{"name":"f","arguments":"{}"}},"finish_reason":"function_call"}]}""",
        """{"id":"chatcmpl-1","created":1,"model":"m","choices":[{"index":0,"delta":{"refusal":"no"},"logprobs":{"content":[{"token":"no","logprob":-0.1,"bytes":[110,111],"top_logprobs":[]}]}}]}""",
        """{"id":"chatcmpl-1","created":1,"model":"m","choices":[{"index":1,"delta":{"content":"b"}},{"index":0,"delta":{"content":"a"}}],"service_tier":"default","obfuscation":"x1"}""",
        """{"model":"m","id":"x","choices":[{"delta":{"content":"late id"},"index":0,"extra":{"nested":[1,2,{"a":null}]}}],"usage":null,"system_fingerprint":null}""",
        """{"id":null,"model":null,"choices":null}""",
        """{"id":"a","model":"m","choices":[{"delta":null}]}""",
        """{"id":"a","id":"b","model":"m","choices":[]}""",
        """ { "id" : "spaced" , "model" : "m" , "choices" : [ ] } """,
        """{"\u0069d":"escaped name","model":"m","choices":[]}""",
    ];

    private static readonly string[] Invalid =
    [
        """{"model":"m","choices":[]}""",
        """{"id":"a","choices":[]}""",
        """{"id":"a","model":"m"}""",
        """{"id":"a","model":"m","choices":[{"index":0}]}""",
        """{"id":1,"model":"m","choices":[]}""",
        """{"id":"a","model":"m","created":"1","choices":[]}""",
        """{"id":"a","model":"m","created":1.5,"choices":[]}""",
        """{"id":"a","model":"m","created":null,"choices":[]}""",
        """{"id":"a","model":"m","choices":{}}""",
        """{"id":"a","model":"m","choices":[{"index":"0","delta":{}}]}""",
        """{"id":"a","model":"m","choices":[{"index":99999999999,"delta":{}}]}""",
        """{"id":"a","model":"m","choices":[{"index":0,"delta":[]}]}""",
        """{"id":"a","model":"m","choices":[{"index":0,"delta":{"content":5}}]}""",
        """{"id":"a","model":"m","choices":[],"usage":{"prompt_tokens":"x"}}""",
        """{"id":"a","model":"m","choices":[]""",
        """{"id":"a","model":"m","choices":[],}""",
        """[]""",
        "\"chunk\"",
    ];

    [Test]
    public void Read_MatchesTheGeneratedParser([ValueSource(nameof(Valid))] string json)
    {
        var expected = JsonSerializer.Deserialize(json, GatewayJsonContext.Default.ChatCompletionChunk);
        var actual = JsonSerializer.Deserialize(json, ChatChunkJson.TypeInfo);

        Write(actual).Should().Be(Write(expected));
    }

    [Test]
    public void Read_RefusesWhatTheGeneratedParserRefuses([ValueSource(nameof(Invalid))] string json)
    {
        var generated = () => JsonSerializer.Deserialize(json, GatewayJsonContext.Default.ChatCompletionChunk);
        var onePass = () => JsonSerializer.Deserialize(json, ChatChunkJson.TypeInfo);

        generated.Should().Throw<JsonException>();
        onePass.Should().Throw<JsonException>();
    }

    [Test]
    public void Read_RefusesANullChoice()
    {
        // The generated parser keeps the null; every reader of a stream's choices would then fail on it.
        var read = () => JsonSerializer.Deserialize("""{"id":"a","model":"m","choices":[null]}""", ChatChunkJson.TypeInfo);
        read.Should().Throw<JsonException>();
    }

    [Test]
    public void Read_TakesNullChoicesAndDeltaAsEmpty()
    {
        var none = JsonSerializer.Deserialize("""{"id":"a","model":"m","choices":null}""", ChatChunkJson.TypeInfo)!;
        none.Choices.Should().BeEmpty();

        var empty = JsonSerializer.Deserialize("""{"id":"a","model":"m","choices":[{"index":0,"delta":null}]}""", ChatChunkJson.TypeInfo)!;
        empty.Choices.Single().Delta.Should().Be(new ChatResponseMessage());
    }

    [Test]
    public void Read_OfJsonNull_IsNull()
    {
        JsonSerializer.Deserialize("null", ChatChunkJson.TypeInfo).Should().BeNull();
    }

    [Test]
    public void Write_IsTheGeneratedSerializersOutput()
    {
        var chunk = JsonSerializer.Deserialize(Valid[0], GatewayJsonContext.Default.ChatCompletionChunk)!;
        JsonSerializer.Serialize(chunk, ChatChunkJson.TypeInfo).Should().Be(Write(chunk));
    }

    // The chunk's choices, deltas and tool calls are compared through their wire form: lists compare by reference.
    [Test]
    public void Read_ChunksThatRepeatTheirIdAndModel_ShareTheStringsAndStillReadChanges()
    {
        var first = JsonSerializer.Deserialize("""{"id":"chatcmpl-1","object":"chat.completion.chunk","model":"m","choices":[]}""", ChatChunkJson.TypeInfo)!;
        var second = JsonSerializer.Deserialize("""{"id":"chatcmpl-1","object":"chat.completion.chunk","model":"m","choices":[]}""", ChatChunkJson.TypeInfo)!;
        var escaped = JsonSerializer.Deserialize("""{"id":"chatcmpl\u002D1","model":"m","choices":[]}""", ChatChunkJson.TypeInfo)!;
        var next = JsonSerializer.Deserialize("""{"id":"chatcmpl-2","model":"m2","choices":[]}""", ChatChunkJson.TypeInfo)!;

        ReferenceEquals(first.Id, second.Id).Should().BeTrue("a repeated id is the string already made");
        ReferenceEquals(first.Model, second.Model).Should().BeTrue();
        ReferenceEquals(first.Object, second.Object).Should().BeTrue();
        escaped.Id.Should().Be("chatcmpl-1", "an escaped value is compared by its text");
        next.Id.Should().Be("chatcmpl-2");
        next.Model.Should().Be("m2");
    }

    private static string Write(ChatCompletionChunk? chunk) =>
        chunk is null ? "null" : JsonSerializer.Serialize(chunk, GatewayJsonContext.Default.ChatCompletionChunk);
}
