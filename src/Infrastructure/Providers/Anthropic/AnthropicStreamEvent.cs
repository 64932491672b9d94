namespace LlmPlatform.Infrastructure.Providers.Anthropic;

/// <summary>One streamed event; which fields are set depends on <see cref="Type"/>.</summary>
internal sealed record AnthropicStreamEvent
{
    public string? Type { get; init; }

    public AnthropicResponse? Message { get; init; }

    public int? Index { get; init; }

    public AnthropicBlock? ContentBlock { get; init; }

    public AnthropicDelta? Delta { get; init; }

    public AnthropicUsage? Usage { get; init; }

    public AnthropicErrorBody? Error { get; init; }
}
