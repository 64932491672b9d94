namespace LlmPlatform.Infrastructure.Providers.Bedrock;

internal sealed record ConverseToolSpec(string Name, string? Description, ConverseInputSchema InputSchema);
