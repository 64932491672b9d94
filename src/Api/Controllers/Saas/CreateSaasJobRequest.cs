using System.Text.Json;

namespace LlmPlatform.Api.Controllers.Saas;

/// <summary>The body of <c>POST /api/jobs/create</c>.</summary>
public sealed record CreateSaasJobRequest
{
    public string? TeamId { get; init; }

    public string? UserId { get; init; }

    public string? JobType { get; init; }

    public Dictionary<string, JsonElement>? Metadata { get; init; }
}
