using System.Text.Json;
using System.Text.Json.Nodes;

namespace LlmPlatform.Application.Jobs.FineTuning;

/// <summary>The fields of a job that the provider decides, copied from its job object. JSON-valued fields hold JSON text.</summary>
public sealed record FineTuningMirror(
    string Status,
    string? FineTunedModel,
    string? OrganizationId,
    string? Hyperparameters,
    long? Seed,
    string? Error,
    long? TrainedTokens,
    string? ResultFiles,
    DateTimeOffset? EstimatedFinish,
    DateTimeOffset? FinishedAt)
{
    /// <summary>Reads a provider's job object; an unknown or missing status keeps <paramref name="fallbackStatus"/>.</summary>
    public static FineTuningMirror From(JsonObject job, string fallbackStatus)
    {
        var status = Text(job, "status");
        return new FineTuningMirror(
            status is { Length: > 0 } ? status : fallbackStatus,
            Text(job, "fine_tuned_model"),
            Text(job, "organization_id"),
            Json(job, "hyperparameters"),
            Integer(job, "seed"),
            job["error"] is JsonObject { Count: > 0 } error ? error.ToJsonString() : null,
            Integer(job, "trained_tokens"),
            Json(job, "result_files"),
            Time(job, "estimated_finish"),
            Time(job, "finished_at"));
    }

    private static string? Text(JsonObject job, string name) =>
        job[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static long? Integer(JsonObject job, string name) =>
        job[name] is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<long>(out var number) ? number : null;

    private static string? Json(JsonObject job, string name) =>
        job[name] is { } node && node.GetValueKind() is JsonValueKind.Object or JsonValueKind.Array ? node.ToJsonString() : null;

    private static DateTimeOffset? Time(JsonObject job, string name) =>
        Integer(job, name) is { } seconds and > 0 ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
}
