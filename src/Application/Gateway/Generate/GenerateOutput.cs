namespace LlmPlatform.Application.Gateway.Generate;

/// <summary>What a generation produced; text only on this gateway.</summary>
public sealed record GenerateOutput(string? Text);
