namespace LlmPlatform.Infrastructure.Providers.Common;

/// <summary>The caller's tool choice: <c>auto</c>, <c>none</c>, <c>required</c>, or <c>function</c> with a name.</summary>
internal sealed record ToolChoice(string Mode, string? Name);
