using LlmPlatform.Application.Gateway.Contracts;

namespace LlmPlatform.Application.Gateway.Caching;

/// <summary>
/// Turns a cached whole answer into the chunks of a stream, as an upstream would have sent them: per choice the
/// role, the content (in pieces), the tool calls and the finish reason, then the usage when the client asked for it.
/// </summary>
public static class ChatCompletionReplay
{
    private const int PieceLength = 64;

    public static IEnumerable<ChatCompletionChunk> Chunks(ChatCompletionResponse answer, bool includeUsage)
    {
        foreach (var choice in answer.Choices)
        {
            var message = choice.Message;
            yield return Chunk(answer, choice.Index, new ChatResponseMessage { Role = message.Role ?? "assistant", Content = string.Empty }, null);
            if (message.Content is { Length: > 0 } content)
            {
                for (var start = 0; start < content.Length;)
                {
                    var length = Math.Min(PieceLength, content.Length - start);
                    if (start + length < content.Length && char.IsHighSurrogate(content[start + length - 1]))
                    {
                        length++;
                    }

                    yield return Chunk(answer, choice.Index, new ChatResponseMessage { Content = content.Substring(start, length) }, null);
                    start += length;
                }
            }

            if (message.Refusal is { Length: > 0 } refusal)
            {
                yield return Chunk(answer, choice.Index, new ChatResponseMessage { Refusal = refusal }, null);
            }

            if (message.ToolCalls is { Count: > 0 } calls)
            {
                var indexed = calls.Select((call, i) => call with { Index = i }).ToList();
                yield return Chunk(answer, choice.Index, new ChatResponseMessage { ToolCalls = indexed }, null);
            }

            if (message.FunctionCall is { } function)
            {
                yield return Chunk(answer, choice.Index, new ChatResponseMessage { FunctionCall = function }, null);
            }

            yield return Chunk(answer, choice.Index, new ChatResponseMessage(), choice.FinishReason ?? "stop");
        }

        if (includeUsage && answer.Usage is { } usage)
        {
            yield return new ChatCompletionChunk
            {
                Id = answer.Id,
                Created = answer.Created,
                Model = answer.Model,
                SystemFingerprint = answer.SystemFingerprint,
                Choices = [],
                Usage = usage,
            };
        }
    }

    private static ChatCompletionChunk Chunk(ChatCompletionResponse answer, int index, ChatResponseMessage delta, string? finishReason) => new()
    {
        Id = answer.Id,
        Created = answer.Created,
        Model = answer.Model,
        SystemFingerprint = answer.SystemFingerprint,
        Choices = [new ChunkChoice { Index = index, Delta = delta, FinishReason = finishReason }],
    };
}
