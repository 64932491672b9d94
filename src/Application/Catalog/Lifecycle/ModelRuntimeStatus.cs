namespace LlmPlatform.Application.Catalog.Lifecycle;

/// <summary>The answer of <c>GET /v1/models/{id}/status</c> and of load and unload.</summary>
public sealed record ModelRuntimeStatus(string ModelId, string RuntimeStatus, int QueueDepth);
