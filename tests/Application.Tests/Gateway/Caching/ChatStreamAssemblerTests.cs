using LlmPlatform.Application.Gateway.Caching;
using LlmPlatform.Application.Gateway.Contracts;

namespace LlmPlatform.Application.Tests.Gateway.Caching;

public sealed class ChatStreamAssemblerTests
{
    private static ChatCompletionChunk Chunk(int choice, ChatResponseMessage delta, string? finish = null) => new()
    {
        Id = "chatcmpl-1",
        Created = 42,
        Model = "gpt-x",
        Choices = [new ChunkChoice { Index = choice, Delta = delta, FinishReason = finish }],
    };

    [Test]
    public void Build_FromContentAndToolCallFragments_ReassemblesTheWholeAnswer()
    {
        var assembler = new ChatStreamAssembler();
        assembler.Add(Chunk(0, new ChatResponseMessage { Role = "assistant", Content = string.Empty }));
        assembler.Add(Chunk(0, new ChatResponseMessage { Content = "Hel" }));
        assembler.Add(Chunk(0, new ChatResponseMessage { Content = "lo" }));
        assembler.Add(Chunk(1, new ChatResponseMessage
        {
            ToolCalls = [new ToolCall { Index = 0, Id = "call_1", Type = "function", Function = new FunctionCallPayload { Name = "get_weather", Arguments = "{\"ci" } }],
        }));
        assembler.Add(Chunk(1, new ChatResponseMessage { ToolCalls = [new ToolCall { Index = 0, Function = new FunctionCallPayload { Arguments = "ty\":\"Oslo\"}" } }] }));
        assembler.Add(Chunk(0, new ChatResponseMessage(), "stop"));
        assembler.Add(Chunk(1, new ChatResponseMessage(), "tool_calls"));

        var answer = assembler.Build(Usage.Of(3, 4));

        answer.Id.Should().Be("chatcmpl-1");
        answer.Created.Should().Be(42);
        answer.Usage!.TotalTokens.Should().Be(7);
        answer.Choices.Should().HaveCount(2);
        answer.Choices[0].Message.Content.Should().Be("Hello");
        answer.Choices[0].FinishReason.Should().Be("stop");
        var call = answer.Choices[1].Message.ToolCalls!.Single();
        call.Id.Should().Be("call_1");
        call.Function!.Name.Should().Be("get_weather");
        call.Function.Arguments.Should().Be("{\"city\":\"Oslo\"}");
        answer.Choices[1].Message.Content.Should().BeNull();
        answer.Choices[1].FinishReason.Should().Be("tool_calls");
    }

    [Test]
    public void Replay_OfAnAssembledAnswer_GivesBackTheSameTextAndToolCalls()
    {
        var content = new string('x', 150) + "😀";
        var answer = new ChatCompletionResponse
        {
            Id = "chatcmpl-2",
            Model = "gpt-x",
            Choices =
            [
                new ChatChoice { Index = 0, FinishReason = "stop", Message = new ChatResponseMessage { Role = "assistant", Content = content } },
            ],
            Usage = Usage.Of(1, 2),
        };

        var chunks = ChatCompletionReplay.Chunks(answer, includeUsage: true).ToList();
        var assembler = new ChatStreamAssembler();
        chunks.ForEach(assembler.Add);
        var again = assembler.Build(chunks[^1].Usage!);

        chunks[0].Choices[0].Delta.Role.Should().Be("assistant");
        chunks.Count(c => c.Choices.Count == 1 && c.Choices[0].Delta.Content is { Length: > 0 }).Should().Be(3);
        chunks[^2].Choices[0].FinishReason.Should().Be("stop");
        chunks[^1].Choices.Should().BeEmpty();
        again.Choices[0].Message.Content.Should().Be(content);
        again.Usage.Should().Be(answer.Usage);
    }

    [Test]
    public void Replay_WithoutIncludeUsage_SendsNoUsageChunk()
    {
        var answer = new ChatCompletionResponse
        {
            Id = "c",
            Model = "m",
            Choices = [new ChatChoice { Message = new ChatResponseMessage { Content = "hi" }, FinishReason = "length" }],
            Usage = Usage.Of(1, 1),
        };

        var chunks = ChatCompletionReplay.Chunks(answer, includeUsage: false).ToList();

        chunks.Should().OnlyContain(c => c.Usage == null && c.Choices.Count == 1);
        chunks[^1].Choices[0].FinishReason.Should().Be("length");
    }
}
