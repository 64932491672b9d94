using LlmPlatform.Application.Gateway.Contracts;

namespace LlmPlatform.Application.Gateway;

/// <summary>A stream whose first chunk has arrived; from here on no retry is possible.</summary>
public sealed record StartedStream(IChatCompletionStream Stream, ChatCompletionChunk? FirstChunk, DateTimeOffset FirstChunkAt);
