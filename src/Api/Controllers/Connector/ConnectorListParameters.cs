using LlmPlatform.Application.Access.Connector;
using Microsoft.AspNetCore.Mvc;

namespace LlmPlatform.Api.Controllers.Connector;

/// <summary>The query of every Connector list: <c>q</c>, <c>limit</c> (default 20), <c>offset</c> (default 0).</summary>
public sealed record ConnectorListParameters
{
    [FromQuery(Name = "q")]
    public string? Q { get; init; }

    [FromQuery(Name = "limit")]
    public int? Limit { get; init; }

    [FromQuery(Name = "offset")]
    public int? Offset { get; init; }

    public ConnectorPaging ToPaging() => new(string.IsNullOrEmpty(Q) ? null : Q, Limit, Offset);
}
