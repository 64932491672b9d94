using System.Text.Json;
using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Domain.Common;

namespace LlmPlatform.Api.Controllers.Saas;

/// <summary>
/// The SaaS dialect's fields in an LLM call's body, besides OpenAI's chat parameters: taken out of the request so
/// that they are not passed upstream. <c>model_group</c> is the older clients' name for <c>model</c>.
/// </summary>
internal sealed class SaasCallFields
{
    private SaasCallFields()
    {
    }

    public string? Purpose { get; private set; }

    /// <summary>The model under its older name, for a request that does not name <c>model</c>.</summary>
    public string? ModelGroup { get; private set; }

    public Dictionary<string, JsonElement>? CallMetadata { get; private set; }

    public string? TeamId { get; private set; }

    public string? JobType { get; private set; }

    public string? UserId { get; private set; }

    public Dictionary<string, JsonElement>? JobMetadata { get; private set; }

    /// <summary>Takes the dialect's fields out of <paramref name="request"/>; a field of the wrong type is an error.</summary>
    public static Result<SaasCallFields> Take(ChatCompletionRequest request)
    {
        var fields = new SaasCallFields();
        var extra = request.AdditionalProperties;
        if (extra is null)
        {
            return fields;
        }

        string? Text(string name, out Error? error)
        {
            error = null;
            if (!extra.Remove(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.String)
            {
                error = Error.Validation($"'{name}' must be a string.", name);
                return null;
            }

            return value.GetString();
        }

        Dictionary<string, JsonElement>? Object(string name, out Error? error)
        {
            error = null;
            if (!extra.Remove(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.Object)
            {
                error = Error.Validation($"'{name}' must be an object.", name);
                return null;
            }

            return value.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal);
        }

        fields.Purpose = Text("purpose", out var e1);
        fields.CallMetadata = Object("call_metadata", out var e2);
        fields.ModelGroup = Text("model_group", out var e3);
        fields.TeamId = Text("team_id", out var e4);
        fields.JobType = Text("job_type", out var e5);
        fields.UserId = Text("user_id", out var e6);
        fields.JobMetadata = Object("job_metadata", out var e7);
        if ((e1 ?? e2 ?? e3 ?? e4 ?? e5 ?? e6 ?? e7) is { } error)
        {
            return error;
        }

        return fields;
    }
}
