using System.Text.Json;

namespace LlmPlatform.Api.Controllers.Admin.Docs;

/// <summary>The body of <c>/model/update</c> and <c>PATCH /model/{id}/update</c>: the fields to change.</summary>
public sealed record ModelUpdateRequest
{
    /// <summary>The deployment (or <c>model_info.id</c>); the path's id wins on the PATCH route.</summary>
    public string? Id { get; init; }

    public string? ModelName { get; init; }

    public Dictionary<string, JsonElement>? LitellmParams { get; init; }

    public Dictionary<string, JsonElement>? ModelInfo { get; init; }
}
