namespace LlmPlatform.Infrastructure.Providers.Bedrock;

internal sealed record ConverseMessage(string Role, IReadOnlyList<ConverseContentBlock> Content);
