namespace LlmPlatform.Infrastructure.Providers.Bedrock;

/// <summary>A delta: <c>text</c>, or <c>toolUse.input</c> holding a fragment of the arguments' JSON text.</summary>
internal sealed record ConverseBlockDelta(string? Text, ConverseToolInputDelta? ToolUse);
