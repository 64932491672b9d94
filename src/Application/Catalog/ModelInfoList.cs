namespace LlmPlatform.Application.Catalog;

/// <summary><c>GET /model/info</c>: <c>{"data": [...]}</c>.</summary>
public sealed record ModelInfoList(IReadOnlyList<ModelInfoView> Data);
