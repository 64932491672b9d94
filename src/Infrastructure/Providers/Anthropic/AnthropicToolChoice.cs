namespace LlmPlatform.Infrastructure.Providers.Anthropic;

/// <summary><c>auto</c>, <c>any</c>, <c>tool</c> (with a name) or <c>none</c>.</summary>
internal sealed record AnthropicToolChoice
{
    public required string Type { get; init; }

    public string? Name { get; init; }

    public bool? DisableParallelToolUse { get; init; }
}
