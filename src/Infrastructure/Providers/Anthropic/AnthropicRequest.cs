namespace LlmPlatform.Infrastructure.Providers.Anthropic;

/// <summary>The body of <c>POST /v1/messages</c>.</summary>
internal sealed record AnthropicRequest
{
    public required string Model { get; init; }

    public required IReadOnlyList<AnthropicMessage> Messages { get; init; }

    public IReadOnlyList<AnthropicBlock>? System { get; init; }

    public int MaxTokens { get; init; }

    public double? Temperature { get; init; }

    public double? TopP { get; init; }

    public int? TopK { get; init; }

    public IReadOnlyList<string>? StopSequences { get; init; }

    public bool? Stream { get; init; }

    public IReadOnlyList<AnthropicTool>? Tools { get; init; }

    public AnthropicToolChoice? ToolChoice { get; init; }

    public AnthropicMetadata? Metadata { get; init; }
}
