namespace LlmPlatform.Application.Access.Keys;

/// <summary>One page of <c>/key/list</c>.</summary>
public sealed record KeyPage(IReadOnlyList<KeyInfo> Keys, int TotalCount, int CurrentPage, int TotalPages);
