using System.Text.Json;
using LlmPlatform.Application.Access.Organizations;

namespace LlmPlatform.Api.Controllers.Saas;

/// <summary>An organization as the SaaS dialect shows it.</summary>
public sealed record SaasOrganizationView
{
    public required string OrganizationId { get; init; }

    public required string Name { get; init; }

    /// <summary>Always <c>active</c>: an organization exists until it is deleted.</summary>
    public string Status { get; init; } = "active";

    public required IReadOnlyDictionary<string, JsonElement> Metadata { get; init; }

    public required DateTime CreatedAt { get; init; }

    public required DateTime UpdatedAt { get; init; }

    public static SaasOrganizationView Of(OrganizationInfo organization) => new()
    {
        OrganizationId = organization.OrganizationId,
        Name = organization.OrganizationAlias,
        Metadata = organization.Metadata,
        CreatedAt = SaasAnswers.Utc(organization.CreatedAt),
        UpdatedAt = SaasAnswers.Utc(organization.UpdatedAt),
    };
}
