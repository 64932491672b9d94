namespace LlmPlatform.Infrastructure.Providers.Bedrock;

internal sealed record ConverseOutput(ConverseMessage? Message);
