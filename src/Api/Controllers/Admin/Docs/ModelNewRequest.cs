using System.Text.Json;

namespace LlmPlatform.Api.Controllers.Admin.Docs;

/// <summary>The body of <c>/model/new</c>: a deployment as in the configuration file's <c>model_list</c>.</summary>
public sealed record ModelNewRequest
{
    public string? ModelName { get; init; }

    /// <summary><c>model</c> (<c>provider/model</c>), <c>api_base</c>, <c>api_key</c>, <c>rpm</c>, <c>tpm</c> and the like.</summary>
    public Dictionary<string, JsonElement>? LitellmParams { get; init; }

    public Dictionary<string, JsonElement>? ModelInfo { get; init; }
}
