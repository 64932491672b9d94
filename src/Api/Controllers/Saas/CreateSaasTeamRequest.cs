using System.Text.Json;

namespace LlmPlatform.Api.Controllers.Saas;

/// <summary>The body of <c>POST /api/teams/create</c>; <c>model_groups</c> is the older name of <c>access_groups</c>.</summary>
public sealed record CreateSaasTeamRequest
{
    public string? TeamId { get; init; }

    public string? TeamAlias { get; init; }

    public string? OrganizationId { get; init; }

    public IReadOnlyList<string>? AccessGroups { get; init; }

    public IReadOnlyList<string>? ModelGroups { get; init; }

    public long? CreditsAllocated { get; init; }

    public Dictionary<string, JsonElement>? Metadata { get; init; }
}
