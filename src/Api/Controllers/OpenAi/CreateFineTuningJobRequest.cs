using System.Text.Json;
using System.Text.Json.Serialization;

namespace LlmPlatform.Api.Controllers.OpenAi;

/// <summary>The body of <c>POST /v1/fine_tuning/jobs</c>.</summary>
public sealed record CreateFineTuningJobRequest
{
    [JsonPropertyName("training_file")]
    public string? TrainingFile { get; init; }

    [JsonPropertyName("validation_file")]
    public string? ValidationFile { get; init; }

    [JsonPropertyName("model")]
    public string? Model { get; init; }

    /// <summary><c>{n_epochs, batch_size, learning_rate_multiplier}</c>, each <c>"auto"</c> or a number.</summary>
    [JsonPropertyName("hyperparameters")]
    public JsonElement? Hyperparameters { get; init; }

    /// <summary>OpenAI's newer form: <c>{type: "supervised", supervised: {hyperparameters}}</c>; used when <c>hyperparameters</c> is absent.</summary>
    [JsonPropertyName("method")]
    public JsonElement? Method { get; init; }

    [JsonPropertyName("suffix")]
    public string? Suffix { get; init; }

    [JsonPropertyName("seed")]
    public long? Seed { get; init; }

    [JsonPropertyName("metadata")]
    public JsonElement? Metadata { get; init; }

    /// <summary>The hyperparameters given directly, else those of the supervised method.</summary>
    public JsonElement? EffectiveHyperparameters() =>
        Hyperparameters is { ValueKind: not JsonValueKind.Null } direct ? direct
        : Method is { ValueKind: JsonValueKind.Object } method
            && method.TryGetProperty("supervised", out var supervised) && supervised.ValueKind == JsonValueKind.Object
            && supervised.TryGetProperty("hyperparameters", out var nested) && nested.ValueKind != JsonValueKind.Null ? nested
        : null;
}
