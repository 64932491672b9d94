using System.Text.Json;

namespace LlmPlatform.Api.Controllers.Saas;

/// <summary>The body of <c>POST /api/jobs/{job_id}/complete</c>.</summary>
public sealed record CompleteSaasJobRequest
{
    /// <summary><c>completed</c> or <c>failed</c>.</summary>
    public string? Status { get; init; }

    public Dictionary<string, JsonElement>? Metadata { get; init; }

    public string? ErrorMessage { get; init; }
}
