namespace LlmPlatform.Infrastructure.Providers.Bedrock;

internal sealed record ConverseToolResult(string ToolUseId, IReadOnlyList<ConverseToolResultContent> Content);
