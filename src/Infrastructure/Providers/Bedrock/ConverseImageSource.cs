namespace LlmPlatform.Infrastructure.Providers.Bedrock;

internal sealed record ConverseImageSource(string Bytes);
