using System.Text.Json;

namespace LlmPlatform.Api.Controllers.Admin.Docs;

/// <summary>The body of <c>/model/delete</c>: <c>id</c> or <c>model_info.id</c>.</summary>
public sealed record ModelDeleteRequest
{
    public string? Id { get; init; }

    public Dictionary<string, JsonElement>? ModelInfo { get; init; }
}
