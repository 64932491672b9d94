namespace LlmPlatform.Application.Gateway.Messages.Contracts;

/// <summary><c>auto</c>, <c>any</c>, <c>tool</c> (with <see cref="Name"/>) or <c>none</c>.</summary>
public sealed record AnthropicToolChoice
{
    public string? Type { get; init; }

    public string? Name { get; init; }

    public bool? DisableParallelToolUse { get; init; }
}
