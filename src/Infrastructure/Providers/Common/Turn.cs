namespace LlmPlatform.Infrastructure.Providers.Common;

/// <summary>Consecutive messages of one side (the user with tool results, or the assistant) merged into one turn.</summary>
internal sealed record Turn(bool IsAssistant, List<TurnItem> Items);
