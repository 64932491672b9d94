namespace LlmPlatform.Infrastructure.Providers.Bedrock;

internal sealed record ConverseToolResultContent(string Text);
