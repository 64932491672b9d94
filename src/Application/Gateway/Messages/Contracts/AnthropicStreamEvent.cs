namespace LlmPlatform.Application.Gateway.Messages.Contracts;

/// <summary>
/// One Server-Sent Event of a streamed answer; <see cref="Type"/> is also the SSE event name
/// (<c>message_start</c>, <c>content_block_start</c>, <c>content_block_delta</c>, <c>content_block_stop</c>,
/// <c>message_delta</c>, <c>message_stop</c>).
/// </summary>
public sealed record AnthropicStreamEvent
{
    public required string Type { get; init; }

    public AnthropicMessageResponse? Message { get; init; }

    public int? Index { get; init; }

    public AnthropicContentBlock? ContentBlock { get; init; }

    public AnthropicDelta? Delta { get; init; }

    public AnthropicUsage? Usage { get; init; }
}
