namespace LlmPlatform.Infrastructure.Providers.Bedrock;

internal sealed record ConverseTool(ConverseToolSpec ToolSpec);
