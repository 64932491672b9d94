using Microsoft.AspNetCore.Mvc;

namespace LlmPlatform.Api.Controllers.Saas;

/// <summary>The query of <c>GET /api/jobs</c> and <c>GET /api/teams/{team_id}/jobs</c>.</summary>
public sealed record SaasJobListParameters
{
    [FromQuery(Name = "team_id")]
    public string? TeamId { get; init; }

    [FromQuery(Name = "status")]
    public string? Status { get; init; }

    [FromQuery(Name = "start_date")]
    public string? StartDate { get; init; }

    [FromQuery(Name = "end_date")]
    public string? EndDate { get; init; }

    [FromQuery(Name = "sort_by")]
    public string? SortBy { get; init; }

    [FromQuery(Name = "order")]
    public string? Order { get; init; }

    [FromQuery(Name = "limit")]
    public int? Limit { get; init; }

    [FromQuery(Name = "offset")]
    public int? Offset { get; init; }
}
