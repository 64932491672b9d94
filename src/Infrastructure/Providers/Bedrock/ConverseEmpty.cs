namespace LlmPlatform.Infrastructure.Providers.Bedrock;

/// <summary>An empty object, the value of a union member that carries no data.</summary>
internal sealed record ConverseEmpty;
