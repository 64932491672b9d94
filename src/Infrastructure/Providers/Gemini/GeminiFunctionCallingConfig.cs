namespace LlmPlatform.Infrastructure.Providers.Gemini;

/// <summary><c>AUTO</c>, <c>ANY</c> (optionally limited to named functions) or <c>NONE</c>.</summary>
internal sealed record GeminiFunctionCallingConfig(string Mode, IReadOnlyList<string>? AllowedFunctionNames);
