namespace LlmPlatform.Application.Gateway.Generate;

/// <summary>The tokens a generation took.</summary>
public sealed record GenerateUsage(long PromptTokens, long CompletionTokens, long TotalTokens);
