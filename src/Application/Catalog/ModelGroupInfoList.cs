namespace LlmPlatform.Application.Catalog;

/// <summary><c>GET /model_group/info</c>: <c>{"data": [...]}</c>.</summary>
public sealed record ModelGroupInfoList(IReadOnlyList<ModelGroupInfoView> Data);
