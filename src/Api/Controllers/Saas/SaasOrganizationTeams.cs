namespace LlmPlatform.Api.Controllers.Saas;

/// <summary>The answer of <c>GET /api/organizations/{org_id}/teams</c>: the ids of the organization's teams.</summary>
public sealed record SaasOrganizationTeams
{
    public required string OrganizationId { get; init; }

    public required int TeamCount { get; init; }

    public required IReadOnlyList<string> Teams { get; init; }
}
