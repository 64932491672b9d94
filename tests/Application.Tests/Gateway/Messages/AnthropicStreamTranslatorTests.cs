using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Application.Gateway.Messages;

namespace LlmPlatform.Application.Tests.Gateway.Messages;

public sealed class AnthropicStreamTranslatorTests
{
    [Test]
    public void Translate_TextThenToolCall_OpensOneBlockEachAndClosesThemInOrder()
    {
        var translator = new AnthropicStreamTranslator("claude", 10);
        var events = new[]
            {
                Chunk(new ChatResponseMessage { Role = "assistant", Content = "Let me " }),
                Chunk(new ChatResponseMessage { Content = "check." }),
                Chunk(new ChatResponseMessage { ToolCalls = [new ToolCall { Index = 0, Id = "call_1", Function = new FunctionCallPayload { Name = "lookup", Arguments = "{\"q\":" } }] }),
                Chunk(new ChatResponseMessage { ToolCalls = [new ToolCall { Index = 0, Function = new FunctionCallPayload { Arguments = "\"x\"}" } }] }),
                Chunk(new ChatResponseMessage(), "tool_calls"),
            }
            .SelectMany(translator.Translate)
            .ToList();
        events.AddRange(translator.Finish(outputTokens: 7));

        events.Select(e => e.Type).Should().Equal(
            "message_start",
            "content_block_start", "content_block_delta", "content_block_delta",
            "content_block_stop",
            "content_block_start", "content_block_delta", "content_block_delta",
            "content_block_stop", "message_delta", "message_stop");
        events[1].ContentBlock!.Type.Should().Be("text");
        events[5].Index.Should().Be(1);
        events[5].ContentBlock!.Id.Should().Be("call_1");
        string.Concat(events.Where(e => e.Delta?.Type == "input_json_delta").Select(e => e.Delta!.PartialJson)).Should().Be("{\"q\":\"x\"}");
        events[^2].Delta!.StopReason.Should().Be("tool_use");
        events[^2].Usage!.OutputTokens.Should().Be(7);
        events[0].Message!.Usage.InputTokens.Should().Be(10);
    }

    [Test]
    public void Finish_WithUpstreamUsageAndLengthStop_ReportsMaxTokensAndTheUpstreamCounts()
    {
        var translator = new AnthropicStreamTranslator("claude", 10);
        translator.Translate(Chunk(new ChatResponseMessage { Content = "cut" }, "length"));
        translator.Translate(new ChatCompletionChunk { Id = "c", Model = "m", Choices = [], Usage = Usage.Of(42, 3) });

        var last = translator.Finish(outputTokens: 99);

        last[^2].Delta!.StopReason.Should().Be("max_tokens");
        last[^2].Usage!.InputTokens.Should().Be(42);
        last[^2].Usage!.OutputTokens.Should().Be(3);
    }

    [Test]
    public void Finish_WithoutAnyChunk_StillStartsAndStopsTheMessage()
    {
        var events = new AnthropicStreamTranslator("claude", 1).Finish(0);
        events.Select(e => e.Type).Should().Equal("message_start", "message_delta", "message_stop");
    }

    private static ChatCompletionChunk Chunk(ChatResponseMessage delta, string? finish = null) => new()
    {
        Id = "chatcmpl-1",
        Model = "m",
        Choices = [new ChunkChoice { Index = 0, Delta = delta, FinishReason = finish }],
    };
}
