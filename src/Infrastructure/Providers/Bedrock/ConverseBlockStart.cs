namespace LlmPlatform.Infrastructure.Providers.Bedrock;

internal sealed record ConverseBlockStart(ConverseToolUse? ToolUse);
