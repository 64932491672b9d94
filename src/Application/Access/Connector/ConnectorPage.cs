namespace LlmPlatform.Application.Access.Connector;

/// <summary>One page of a Connector list (seed 004): <c>{items, total, limit, offset}</c>.</summary>
public sealed record ConnectorPage<T>(IReadOnlyList<T> Items, int Total, int Limit, int Offset);
