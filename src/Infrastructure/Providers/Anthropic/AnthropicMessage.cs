namespace LlmPlatform.Infrastructure.Providers.Anthropic;

/// <summary>One turn: <c>user</c> or <c>assistant</c> with its content blocks.</summary>
internal sealed record AnthropicMessage(string Role, IReadOnlyList<AnthropicBlock> Content);
