namespace LlmPlatform.Infrastructure.Providers.Bedrock;

internal sealed record ConverseSystemBlock(string Text);
