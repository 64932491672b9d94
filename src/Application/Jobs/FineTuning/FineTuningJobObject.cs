using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace LlmPlatform.Application.Jobs.FineTuning;

/// <summary>OpenAI's fine-tuning job object.</summary>
public sealed record FineTuningJobObject
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("object")]
    public string Object => "fine_tuning.job";

    [JsonPropertyName("model")]
    public required string Model { get; init; }

    [JsonPropertyName("created_at")]
    public long CreatedAt { get; init; }

    [JsonPropertyName("finished_at")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public long? FinishedAt { get; init; }

    [JsonPropertyName("fine_tuned_model")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? FineTunedModel { get; init; }

    [JsonPropertyName("organization_id")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? OrganizationId { get; init; }

    [JsonPropertyName("result_files")]
    public required JsonNode ResultFiles { get; init; }

    [JsonPropertyName("status")]
    public required string Status { get; init; }

    [JsonPropertyName("validation_file")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? ValidationFile { get; init; }

    [JsonPropertyName("training_file")]
    public required string TrainingFile { get; init; }

    [JsonPropertyName("hyperparameters")]
    public required JsonNode Hyperparameters { get; init; }

    [JsonPropertyName("trained_tokens")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public long? TrainedTokens { get; init; }

    [JsonPropertyName("error")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public JsonNode? Error { get; init; }

    [JsonPropertyName("seed")]
    public long Seed { get; init; }

    [JsonPropertyName("estimated_finish")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public long? EstimatedFinish { get; init; }

    [JsonPropertyName("integrations")]
    public JsonNode Integrations { get; init; } = new JsonArray();

    [JsonPropertyName("metadata")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public JsonNode? Metadata { get; init; }

    [JsonPropertyName("suffix")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Suffix { get; init; }

    public static FineTuningJobObject From(StoredFineTuningJob job) => new()
    {
        Id = job.Id,
        Model = job.Model,
        CreatedAt = job.CreatedAt.ToUnixTimeSeconds(),
        FinishedAt = job.Mirror.FinishedAt?.ToUnixTimeSeconds(),
        FineTunedModel = job.Mirror.FineTunedModel,
        OrganizationId = job.Mirror.OrganizationId,
        ResultFiles = Parse(job.Mirror.ResultFiles) ?? new JsonArray(),
        Status = job.Mirror.Status,
        ValidationFile = job.ValidationFile,
        TrainingFile = job.TrainingFile,
        Hyperparameters = Parse(job.Mirror.Hyperparameters) ?? new JsonObject
        {
            ["n_epochs"] = "auto",
            ["batch_size"] = "auto",
            ["learning_rate_multiplier"] = "auto",
        },
        TrainedTokens = job.Mirror.TrainedTokens,
        Error = Parse(job.Mirror.Error),
        Seed = job.Mirror.Seed ?? 0,
        EstimatedFinish = job.Mirror.EstimatedFinish?.ToUnixTimeSeconds(),
        Metadata = Parse(job.Metadata),
        Suffix = job.Suffix,
    };

    private static JsonNode? Parse(string? json) => json is null ? null : JsonNode.Parse(json);
}
