namespace LlmPlatform.Infrastructure.Providers.Common;

/// <summary>An OpenAI message list in the shape most providers want: system prompts apart, turns alternating.</summary>
internal sealed record Conversation(IReadOnlyList<string> System, IReadOnlyList<Turn> Turns);
