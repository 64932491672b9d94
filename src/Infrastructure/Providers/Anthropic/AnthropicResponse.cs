namespace LlmPlatform.Infrastructure.Providers.Anthropic;

/// <summary>A Messages API answer (also the <c>message</c> of a <c>message_start</c> event).</summary>
internal sealed record AnthropicResponse
{
    public string? Id { get; init; }

    public string? Model { get; init; }

    public IReadOnlyList<AnthropicBlock>? Content { get; init; }

    public string? StopReason { get; init; }

    public AnthropicUsage? Usage { get; init; }
}
