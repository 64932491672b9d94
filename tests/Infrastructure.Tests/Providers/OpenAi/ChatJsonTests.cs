using System.Text.Json;
using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Infrastructure.Providers.OpenAi;

namespace LlmPlatform.Infrastructure.Tests.Providers.OpenAi;

/// <summary>
/// The one-pass readers of stream chunks and whole answers must read every upstream JSON exactly as the generated
/// parser does, and refuse the same ones.
/// </summary>
public sealed class ChatJsonTests
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

    private static readonly string[] ValidAnswers =
    [
        """{"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":"gpt-4o-2024-08-06","choices":[{"index":0,"message":{"role":"assistant","content":"Hello \"world\" \u00e9\n","refusal":null,"annotations":[]},"logprobs":null,"finish_reason":"stop"}],"usage":{"prompt_tokens":9,"completion_tokens":12,"total_tokens":21,"prompt_tokens_details":{"cached_tokens":0,"audio_tokens":0},"completion_tokens_details":{"reasoning_tokens":0}},"service_tier":"default","system_fingerprint":"fp_1"}""",
        """{"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}},{"id":"call_2","type":"function","function":{"name":"get_time","arguments":"{}"}}]},"finish_reason":"tool_calls"}]}""",
        """{"id":"chatcmpl-1","created":1,"model":"m","choices":[{"index":0,"message":{"role":"assistant","function_call":{"name":"f","arguments":"{}"}},"finish_reason":"function_call"}]}""",
        """{"id":"chatcmpl-1","created":1,"model":"m","choices":[{"index":0,"message":{"refusal":"no"},"logprobs":{"content":[{"token":"no","logprob":-0.1,"bytes":[110,111],"top_logprobs":[]}]}}]}""",
        """{"id":"chatcmpl-1","created":1,"model":"m","choices":[{"index":1,"message":{"content":"b"}},{"index":0,"message":{"content":"a"}}]}""",
        """{"model":"m","id":"x","choices":[{"message":{"content":"late id"},"index":0,"extra":{"nested":[1,2,{"a":null}]}}],"usage":null,"system_fingerprint":null}""",
        """{"id":null,"object":null,"model":null,"choices":null}""",
        """{"id":"a","model":"m","choices":[{"message":null}]}""",
        """{"id":"a","id":"b","model":"m","choices":[]}""",
        """ { "id" : "spaced" , "model" : "m" , "choices" : [ ] } """,
        """{"\u0069d":"escaped name","model":"m","choices":[]}""",
    ];

    private static readonly string[] InvalidAnswers =
    [
        """{"model":"m","choices":[]}""",
        """{"id":"a","choices":[]}""",
        """{"id":"a","model":"m"}""",
        """{"id":"a","model":"m","choices":[{"index":0}]}""",
        """{"id":"a","model":"m","choices":[{"index":0,"delta":{}}]}""",
        """{"id":1,"model":"m","choices":[]}""",
        """{"id":"a","model":"m","created":"1","choices":[]}""",
        """{"id":"a","model":"m","created":null,"choices":[]}""",
        """{"id":"a","model":"m","choices":"none"}""",
        """{"id":"a","model":"m","choices":[{"index":0,"message":[]}]}""",
        """{"id":"a","model":"m","choices":[{"index":0,"message":{"content":["a"]}}]}""",
        """{"id":"a","model":"m","choices":[{"index":0,"message":{"tool_calls":{}}}]}""",
        """{"id":"a","model":"m","choices":[{"index":0,"message":{},"finish_reason":1}]}""",
        """{"id":"a","model":"m","choices":[],"usage":[]}""",
        """{"id":"a","model":"m","choices":[]""",
        """[]""",
        "\"answer\"",
    ];

    [Test]
    public void ReadAnswer_MatchesTheGeneratedParser([ValueSource(nameof(ValidAnswers))] string json)
    {
        var expected = JsonSerializer.Deserialize(json, GatewayJsonContext.Default.ChatCompletionResponse);
        var actual = JsonSerializer.Deserialize(json, ChatJson.Answer);

        WriteAnswer(actual).Should().Be(WriteAnswer(expected));
    }

    [Test]
    public void ReadAnswer_RefusesWhatTheGeneratedParserRefuses([ValueSource(nameof(InvalidAnswers))] string json)
    {
        var generated = () => JsonSerializer.Deserialize(json, GatewayJsonContext.Default.ChatCompletionResponse);
        var onePass = () => JsonSerializer.Deserialize(json, ChatJson.Answer);

        generated.Should().Throw<JsonException>();
        onePass.Should().Throw<JsonException>();
    }

    [Test]
    public void ReadAnswerDeferred_BuildsTheSameAnswerWhenItsChoicesAreRead([ValueSource(nameof(ValidAnswers))] string json)
    {
        var expected = JsonSerializer.Deserialize(json, GatewayJsonContext.Default.ChatCompletionResponse);
        var actual = ChatJson.ReadAnswer(System.Text.Encoding.UTF8.GetBytes(json));

        WriteAnswer(actual).Should().Be(WriteAnswer(expected));
    }

    [Test]
    public void ReadAnswerDeferred_RefusesWhatTheGeneratedParserRefuses([ValueSource(nameof(InvalidAnswers))] string json)
    {
        var deferred = () => ChatJson.ReadAnswer(System.Text.Encoding.UTF8.GetBytes(json));

        deferred.Should().Throw<JsonException>();
    }

    // Text the choices hold that cannot become a string: refused when the answer is read, not when a choice is.
    [TestCase(new byte[] { 0xC3, 0x28 })]
    [TestCase(new byte[] { 0xED, 0xA0, 0x80 })]
    [TestCase(new byte[] { 0xFF })]
    [TestCase(new byte[] { (byte)'\\', (byte)'u', (byte)'d', (byte)'8', (byte)'0', (byte)'0' })]
    [TestCase(new byte[] { (byte)'\\', (byte)'u', (byte)'d', (byte)'c', (byte)'0', (byte)'0', (byte)'x' })]
    public void ReadAnswer_RefusesTextThatIsNotUnicode_BothWays(byte[] bad)
    {
        foreach (var field in new[] { "content", "role", "refusal" })
        {
            var json = System.Text.Encoding.UTF8.GetBytes($$"""{"id":"a","model":"m","choices":[{"index":0,"message":{"{{field}}":"ok """)
                .Concat(bad).Concat(System.Text.Encoding.UTF8.GetBytes("\"}}]}")).ToArray();

            var generated = () => JsonSerializer.Deserialize(json, GatewayJsonContext.Default.ChatCompletionResponse);
            var deferred = () => ChatJson.ReadAnswer(json);

            generated.Should().Throw<JsonException>(field);
            deferred.Should().Throw<JsonException>(field);
        }
    }

    [Test]
    public void ReadAnswerDeferred_ReadsUnicodeAndEscapesLikeTheGeneratedParser()
    {
        var json = System.Text.Encoding.UTF8.GetBytes("""{"id":"a","model":"m","choices":[{"index":0,"message":{"content":"caf\u00e9 \ud83d\ude00 \"q\" \\ 日本 😀","refusal":null},"finish_reason":"st\u006fp"}]}""");

        var answer = ChatJson.ReadAnswer(json)!;

        answer.Choices.Single().Message.Content.Should().Be("café 😀 \"q\" \\ 日本 😀");
        answer.Choices.Single().FinishReason.Should().Be("stop");
    }

    [Test]
    public void ReadAnswer_RefusesANullChoice()
    {
        // The generated parser keeps the null, and the usage count or a translation would then fail on it.
        var read = () => JsonSerializer.Deserialize("""{"id":"a","model":"m","choices":[null]}""", ChatJson.Answer);
        read.Should().Throw<JsonException>();
    }

    [Test]
    public void ReadAnswer_KeepsTheDefaultObjectOnlyWhenTheAnswerLeftItOut()
    {
        JsonSerializer.Deserialize("""{"id":"a","model":"m","choices":[]}""", ChatJson.Answer)!.Object.Should().Be("chat.completion");
        JsonSerializer.Deserialize("""{"id":"a","object":"x","model":"m","choices":[]}""", ChatJson.Answer)!.Object.Should().Be("x");
    }

    [Test]
    public void Read_MatchesTheGeneratedParser([ValueSource(nameof(Valid))] string json)
    {
        var expected = JsonSerializer.Deserialize(json, GatewayJsonContext.Default.ChatCompletionChunk);
        var actual = JsonSerializer.Deserialize(json, ChatJson.Chunk);

        Write(actual).Should().Be(Write(expected));
    }

    [Test]
    public void Read_RefusesWhatTheGeneratedParserRefuses([ValueSource(nameof(Invalid))] string json)
    {
        var generated = () => JsonSerializer.Deserialize(json, GatewayJsonContext.Default.ChatCompletionChunk);
        var onePass = () => JsonSerializer.Deserialize(json, ChatJson.Chunk);

        generated.Should().Throw<JsonException>();
        onePass.Should().Throw<JsonException>();
    }

    [Test]
    public void Read_RefusesANullChoice()
    {
        // The generated parser keeps the null; every reader of a stream's choices would then fail on it.
        var read = () => JsonSerializer.Deserialize("""{"id":"a","model":"m","choices":[null]}""", ChatJson.Chunk);
        read.Should().Throw<JsonException>();
    }

    [Test]
    public void Read_TakesNullChoicesAndDeltaAsEmpty()
    {
        var none = JsonSerializer.Deserialize("""{"id":"a","model":"m","choices":null}""", ChatJson.Chunk)!;
        none.Choices.Should().BeEmpty();

        var empty = JsonSerializer.Deserialize("""{"id":"a","model":"m","choices":[{"index":0,"delta":null}]}""", ChatJson.Chunk)!;
        empty.Choices.Single().Delta.Should().Be(new ChatResponseMessage());
    }

    [Test]
    public void Read_OfJsonNull_IsNull()
    {
        JsonSerializer.Deserialize("null", ChatJson.Chunk).Should().BeNull();
    }

    [Test]
    public void Write_IsTheGeneratedSerializersOutput()
    {
        var chunk = JsonSerializer.Deserialize(Valid[0], GatewayJsonContext.Default.ChatCompletionChunk)!;
        JsonSerializer.Serialize(chunk, ChatJson.Chunk).Should().Be(Write(chunk));
    }

    // The chunk's choices, deltas and tool calls are compared through their wire form: lists compare by reference.
    [Test]
    public void Read_ChunksThatRepeatTheirIdAndModel_ShareTheStringsAndStillReadChanges()
    {
        var first = JsonSerializer.Deserialize("""{"id":"chatcmpl-1","object":"chat.completion.chunk","model":"m","choices":[]}""", ChatJson.Chunk)!;
        var second = JsonSerializer.Deserialize("""{"id":"chatcmpl-1","object":"chat.completion.chunk","model":"m","choices":[]}""", ChatJson.Chunk)!;
        var escaped = JsonSerializer.Deserialize("""{"id":"chatcmpl\u002D1","model":"m","choices":[]}""", ChatJson.Chunk)!;
        var next = JsonSerializer.Deserialize("""{"id":"chatcmpl-2","model":"m2","choices":[]}""", ChatJson.Chunk)!;

        ReferenceEquals(first.Id, second.Id).Should().BeTrue("a repeated id is the string already made");
        ReferenceEquals(first.Model, second.Model).Should().BeTrue();
        ReferenceEquals(first.Object, second.Object).Should().BeTrue();
        escaped.Id.Should().Be("chatcmpl-1", "an escaped value is compared by its text");
        next.Id.Should().Be("chatcmpl-2");
        next.Model.Should().Be("m2");
    }

    [Test]
    public void Read_APlainTextDelta_IsKeptAsItsTextUntilItsChoicesAreRead()
    {
        var chunk = JsonSerializer.Deserialize(Valid[1], ChatJson.Chunk)!;
        var expected = JsonSerializer.Deserialize(Valid[1], GatewayJsonContext.Default.ChatCompletionChunk)!;

        chunk.TryGetTextDelta(out var text).Should().BeTrue();
        text.Should().Be("Hello \"world\" \u00e9\n");

        var choice = chunk.Choices.Single();
        choice.Index.Should().Be(0);
        choice.Delta.Should().Be(expected.Choices.Single().Delta);
        choice.FinishReason.Should().BeNull();
        chunk.TryGetTextDelta(out _).Should().BeFalse("once built, the choice is the one to read");
        ReferenceEquals(chunk.Choices, chunk.Choices).Should().BeTrue("the choice is built once");
    }

    [TestCase(0, "a role and empty text, no finish reason")]
    [TestCase(2, "no text, a finish reason")]
    public void Read_PlainDeltas_AreKept(int valid, string because)
    {
        var chunk = JsonSerializer.Deserialize(Valid[valid], ChatJson.Chunk)!;
        var expected = JsonSerializer.Deserialize(Valid[valid], GatewayJsonContext.Default.ChatCompletionChunk)!;

        chunk.TryGetTextDelta(out _).Should().BeTrue(because);
        Write(chunk).Should().Be(Write(expected));
    }

    [TestCase(3, "no choice")]
    [TestCase(4, "a tool call")]
    [TestCase(6, "a function call")]
    [TestCase(7, "a refusal with logprobs")]
    [TestCase(8, "two choices")]
    public void Read_OtherChoices_AreBuilt(int valid, string because)
    {
        var chunk = JsonSerializer.Deserialize(Valid[valid], ChatJson.Chunk)!;

        chunk.TryGetTextDelta(out _).Should().BeFalse(because);
    }

    [Test]
    public void Read_APlainTextDelta_WithLogprobs_IsBuilt()
    {
        var json = """{"id":"a","model":"m","choices":[{"index":0,"delta":{"content":"x"},"logprobs":{"content":[]}}]}""";

        var chunk = JsonSerializer.Deserialize(json, ChatJson.Chunk)!;

        chunk.TryGetTextDelta(out _).Should().BeFalse();
        Write(chunk).Should().Be(Write(JsonSerializer.Deserialize(json, GatewayJsonContext.Default.ChatCompletionChunk)));
    }

    [Test]
    public void PlainTextDelta_CopiesAndEquality_FollowItsValues()
    {
        var chunk = JsonSerializer.Deserialize(Valid[1], ChatJson.Chunk)!;
        var same = JsonSerializer.Deserialize(Valid[1], ChatJson.Chunk)!;
        var other = JsonSerializer.Deserialize(Valid[1].Replace("Hello", "Bye", StringComparison.Ordinal), ChatJson.Chunk)!;

        chunk.Should().Be(same);
        chunk.Should().NotBe(other);

        var withoutUsage = chunk with { Usage = null };
        withoutUsage.Choices.Single().Delta.Content.Should().StartWith("Hello");
        chunk.TryGetTextDelta(out _).Should().BeTrue("building the copy's choice leaves the original's alone");

        var replaced = chunk with { Choices = [] };
        replaced.Choices.Should().BeEmpty();
        replaced.TryGetTextDelta(out _).Should().BeFalse();
    }

    private static string WriteAnswer(ChatCompletionResponse? answer) =>
        answer is null ? "null" : JsonSerializer.Serialize(answer, GatewayJsonContext.Default.ChatCompletionResponse);

    private static string Write(ChatCompletionChunk? chunk) =>
        chunk is null ? "null" : JsonSerializer.Serialize(chunk, GatewayJsonContext.Default.ChatCompletionChunk);
}
