namespace LlmPlatform.Infrastructure.Providers.Bedrock;

internal sealed record ConverseToolInputDelta(string? Input);
