namespace LlmPlatform.Infrastructure.Providers.Common;

internal sealed record SseEvent(string? Event, string Data);
