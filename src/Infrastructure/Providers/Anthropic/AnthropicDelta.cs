namespace LlmPlatform.Infrastructure.Providers.Anthropic;

/// <summary>A <c>content_block_delta</c>'s delta (<c>text_delta</c>, <c>input_json_delta</c>) or a <c>message_delta</c>'s.</summary>
internal sealed record AnthropicDelta
{
    public string? Type { get; init; }

    public string? Text { get; init; }

    public string? PartialJson { get; init; }

    public string? StopReason { get; init; }
}
