using System.Text.Json;

namespace LlmPlatform.Api.Controllers.Saas;

/// <summary>The body of <c>PATCH /api/jobs/{job_id}/metadata</c>.</summary>
public sealed record SaasJobMetadataRequest
{
    public Dictionary<string, JsonElement>? Metadata { get; init; }
}
