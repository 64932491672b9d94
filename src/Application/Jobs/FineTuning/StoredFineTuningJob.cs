namespace LlmPlatform.Application.Jobs.FineTuning;

/// <summary>
/// A fine-tuning job as mirrored locally. <see cref="Model"/> is the model group the caller named; the job runs at
/// the provider as <see cref="ProviderJobId"/> on the deployment <see cref="DeploymentId"/>. JSON-valued fields
/// hold JSON text.
/// </summary>
public sealed record StoredFineTuningJob(
    string Id,
    string Owner,
    string ProviderJobId,
    string DeploymentId,
    string Model,
    string TrainingFile,
    string? ValidationFile,
    string? Suffix,
    string? Metadata,
    DateTimeOffset CreatedAt,
    FineTuningMirror Mirror,
    bool Finalized);
