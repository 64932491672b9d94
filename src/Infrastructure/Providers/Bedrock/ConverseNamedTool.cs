namespace LlmPlatform.Infrastructure.Providers.Bedrock;

internal sealed record ConverseNamedTool(string Name);
