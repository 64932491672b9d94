namespace LlmPlatform.Application.Catalog.Lifecycle;

/// <summary>The answer of <c>GET /v1/models/loaded</c>.</summary>
public sealed record LoadedModelList(IReadOnlyList<LoadedModelInfo> Models);
