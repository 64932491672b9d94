using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Jobs.Saas;

/// <summary>
/// <c>GET /api/jobs</c> and <c>GET /api/teams/{team_id}/jobs</c>: a team's jobs (the key's own team; an admin names
/// one or sees all), optionally by status and creation dates (inclusive UTC days), sorted and paged.
/// </summary>
public sealed record ListSaasJobsQuery(
    string? TeamId,
    string? Status,
    string? StartDate,
    string? EndDate,
    string? SortBy,
    string? Order,
    int Limit,
    int Offset,
    CallerIdentity Caller) : IQuery<SaasJobList>;
