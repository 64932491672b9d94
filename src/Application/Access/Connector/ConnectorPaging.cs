namespace LlmPlatform.Application.Access.Connector;

/// <summary>The paging every Connector list takes: <c>q</c> searches names, <c>limit</c> (default 20) and <c>offset</c> (default 0).</summary>
public sealed record ConnectorPaging(string? Q, int? Limit, int? Offset)
{
    public const int DefaultLimit = 20;

    public const int MaxLimit = 1000;

    public int Take => Limit ?? DefaultLimit;

    public int Skip => Offset ?? 0;
}
