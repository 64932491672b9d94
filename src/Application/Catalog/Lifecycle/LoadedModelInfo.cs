namespace LlmPlatform.Application.Catalog.Lifecycle;

/// <summary>One loaded model in <c>GET /v1/models/loaded</c>; hosted models take no local memory and are never pinned.</summary>
public sealed record LoadedModelInfo(string ModelId, DateTimeOffset LoadedAt, DateTimeOffset LastUsedAt, bool IsPinned, long MemoryBytes, bool IsBusy, int BusyCount);
