using System.Text;
using LlmPlatform.Application.Gateway;
using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Domain.Common;
using LlmPlatform.FakeUpstream;
using LlmPlatform.Infrastructure.Providers.Anthropic;
using LlmPlatform.Infrastructure.Providers.Bedrock;
using LlmPlatform.Infrastructure.Providers.Gemini;
using LlmPlatform.Infrastructure.Providers.Ollama;

namespace LlmPlatform.Infrastructure.Tests.Providers.Streams;

/// <summary>How each provider's stream translation ends: normally, with the provider's own error event, or cut short.</summary>
public sealed class ProviderStreamTests
{
    private static async Task<(List<ChatCompletionChunk> Chunks, Error? Error)> DrainAsync(IChatCompletionStream stream)
    {
        var chunks = new List<ChatCompletionChunk>();
        await using (stream)
        {
            while (true)
            {
                var next = await stream.ReadAsync(CancellationToken.None);
                if (!next.IsSuccess)
                {
                    return (chunks, next.Error);
                }

                if (next.Value is null)
                {
                    return (chunks, null);
                }

                chunks.Add(next.Value);
            }
        }
    }

    private static MemoryStream Body(string text) => new(Encoding.UTF8.GetBytes(text));

    private static string Text(List<ChatCompletionChunk> chunks) =>
        string.Concat(chunks.SelectMany(c => c.Choices).Select(c => c.Delta.Content));

    private static string? Finish(List<ChatCompletionChunk> chunks) =>
        chunks.SelectMany(c => c.Choices).Select(c => c.FinishReason).LastOrDefault(f => f is not null);

    private static AnthropicChatStream Anthropic(string sse) => new(new HttpResponseMessage(), Body(sse), "anthropic", "claude", TimeProvider.System);

    [Test]
    public async Task Anthropic_FullStream_YieldsTextFinishAndUsage()
    {
        var (chunks, error) = await DrainAsync(Anthropic("""
            event: message_start
            data: {"type":"message_start","message":{"id":"msg_1","usage":{"input_tokens":7,"output_tokens":1}}}

            event: ping
            data: {"type":"ping"}

            event: content_block_start
            data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hello"}}

            event: content_block_stop
            data: {"type":"content_block_stop","index":0}

            event: message_delta
            data: {"type":"message_delta","delta":{"stop_reason":"max_tokens"},"usage":{"output_tokens":3}}

            event: message_stop
            data: {"type":"message_stop"}


            """));

        error.Should().BeNull();
        Text(chunks).Should().Be("Hello");
        Finish(chunks).Should().Be("length");
        chunks[^1].Usage.Should().Be(Usage.Of(7, 3));
        chunks.Should().OnlyContain(c => c.Id == "msg_1");
    }

    [Test]
    public async Task Anthropic_ErrorEvent_IsAnErrorValueWithoutFinish()
    {
        var (chunks, error) = await DrainAsync(Anthropic("""
            event: message_start
            data: {"type":"message_start","message":{"id":"msg_1","usage":{"input_tokens":7,"output_tokens":1}}}

            event: error
            data: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}


            """));

        error.Should().NotBeNull();
        error!.Code.Should().Be("overloaded_error");
        error.Message.Should().Contain("Overloaded");
        Finish(chunks).Should().BeNull();
    }

    [Test]
    public async Task Anthropic_BodyEndsBeforeMessageStop_IsAnError()
    {
        var (chunks, error) = await DrainAsync(Anthropic("""
            event: message_start
            data: {"type":"message_start","message":{"id":"msg_1"}}


            """));

        error!.Code.Should().Be("upstream_bad_response");
        Finish(chunks).Should().BeNull();
    }

    [Test]
    public async Task Gemini_BodyEndsWithoutFinishReason_IsAnError()
    {
        var stream = new GeminiChatStream(new HttpResponseMessage(), Body("data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Hi\"}],\"role\":\"model\"}}]}\n\n"), "gemini", "g", TimeProvider.System);

        var (chunks, error) = await DrainAsync(stream);

        Text(chunks).Should().Be("Hi");
        error!.Code.Should().Be("upstream_bad_response");
    }

    [Test]
    public async Task Gemini_SafetyFinish_IsContentFilterWithUsage()
    {
        var stream = new GeminiChatStream(
            new HttpResponseMessage(),
            Body("data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Hi\"}],\"role\":\"model\"},\"finishReason\":\"SAFETY\"}],\"usageMetadata\":{\"promptTokenCount\":4,\"candidatesTokenCount\":1}}\n\n"),
            "gemini",
            "g",
            TimeProvider.System);

        var (chunks, error) = await DrainAsync(stream);

        error.Should().BeNull();
        Finish(chunks).Should().Be("content_filter");
        chunks[^1].Usage.Should().Be(Usage.Of(4, 1));
    }

    [Test]
    public async Task Ollama_ErrorLine_IsAnErrorValue()
    {
        var stream = new OllamaChatStream(
            new HttpResponseMessage(),
            Body("{\"model\":\"m\",\"message\":{\"role\":\"assistant\",\"content\":\"Hi\"},\"done\":false}\n{\"error\":\"model runner crashed\"}\n"),
            "ollama",
            "m",
            TimeProvider.System);

        var (chunks, error) = await DrainAsync(stream);

        Text(chunks).Should().Be("Hi");
        error!.Message.Should().Contain("model runner crashed");
        Finish(chunks).Should().BeNull();
    }

    [Test]
    public async Task Ollama_DoneLine_FinishesWithLengthAndCounts()
    {
        var stream = new OllamaChatStream(
            new HttpResponseMessage(),
            Body("{\"message\":{\"role\":\"assistant\",\"content\":\"Hi\"},\"done\":false}\n{\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":true,\"done_reason\":\"length\",\"prompt_eval_count\":5,\"eval_count\":2}\n"),
            "ollama",
            "m",
            TimeProvider.System);

        var (chunks, error) = await DrainAsync(stream);

        error.Should().BeNull();
        Finish(chunks).Should().Be("length");
        chunks[^1].Usage.Should().Be(Usage.Of(5, 2));
    }

    [Test]
    public async Task Bedrock_ExceptionMessage_IsAnErrorWithTheMappedStatus()
    {
        var bytes = EventStreamWriter.Event("messageStart", "{\"role\":\"assistant\"}")
            .Concat(EventStreamWriter.Event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Hi\"}}"))
            .Concat(EventStreamWriter.Exception("throttlingException", "Too many requests"))
            .ToArray();
        var stream = new BedrockChatStream(new HttpResponseMessage(), new MemoryStream(bytes), "bedrock", "m", TimeProvider.System);

        var (chunks, error) = await DrainAsync(stream);

        Text(chunks).Should().Be("Hi");
        error!.StatusOverride.Should().Be(429);
        error.Message.Should().Contain("Too many requests");
        Finish(chunks).Should().BeNull();
    }

    [Test]
    public async Task Bedrock_ToolUseStream_YieldsIndexedToolCallDeltasAndUsage()
    {
        var bytes = EventStreamWriter.Event("messageStart", "{\"role\":\"assistant\"}")
            .Concat(EventStreamWriter.Event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Checking.\"}}"))
            .Concat(EventStreamWriter.Event("contentBlockStart", "{\"contentBlockIndex\":1,\"start\":{\"toolUse\":{\"toolUseId\":\"t1\",\"name\":\"get_weather\"}}}"))
            .Concat(EventStreamWriter.Event("contentBlockDelta", "{\"contentBlockIndex\":1,\"delta\":{\"toolUse\":{\"input\":\"{\\\"location\\\":\"}}}"))
            .Concat(EventStreamWriter.Event("contentBlockDelta", "{\"contentBlockIndex\":1,\"delta\":{\"toolUse\":{\"input\":\"\\\"Paris\\\"}\"}}}"))
            .Concat(EventStreamWriter.Event("messageStop", "{\"stopReason\":\"tool_use\"}"))
            .Concat(EventStreamWriter.Event("metadata", "{\"usage\":{\"inputTokens\":9,\"outputTokens\":4}}"))
            .ToArray();
        var stream = new BedrockChatStream(new HttpResponseMessage(), new MemoryStream(bytes), "bedrock", "m", TimeProvider.System);

        var (chunks, error) = await DrainAsync(stream);

        error.Should().BeNull();
        var calls = chunks.SelectMany(c => c.Choices).SelectMany(c => c.Delta.ToolCalls ?? []).ToList();
        calls.Should().OnlyContain(c => c.Index == 0);
        calls[0].Id.Should().Be("t1");
        calls[0].Function!.Name.Should().Be("get_weather");
        string.Concat(calls.Select(c => c.Function!.Arguments)).Should().Be("{\"location\":\"Paris\"}");
        Finish(chunks).Should().Be("tool_calls");
        chunks[^1].Usage.Should().Be(Usage.Of(9, 4));
    }
}
