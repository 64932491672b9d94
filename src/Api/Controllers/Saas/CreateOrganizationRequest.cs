using System.Text.Json;

namespace LlmPlatform.Api.Controllers.Saas;

/// <summary>The body of <c>POST /api/organizations/create</c>.</summary>
public sealed record CreateOrganizationRequest
{
    /// <summary>The organization's id, chosen by the client (e.g. <c>org_acme</c>). Required.</summary>
    public string? OrganizationId { get; init; }

    /// <summary>The organization's name. Required.</summary>
    public string? Name { get; init; }

    /// <summary>Free-form metadata; <c>{}</c> when omitted.</summary>
    public Dictionary<string, JsonElement>? Metadata { get; init; }
}
