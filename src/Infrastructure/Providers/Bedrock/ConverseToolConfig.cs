namespace LlmPlatform.Infrastructure.Providers.Bedrock;

internal sealed record ConverseToolConfig(IReadOnlyList<ConverseTool> Tools, ConverseToolChoice? ToolChoice);
