namespace LlmPlatform.Infrastructure.RuntimeConfig;

/// <summary>A row of <c>model_deployments</c>: <see cref="SecretsJson"/> maps each secret parameter to its ciphertext.</summary>
internal sealed record ModelRow(string Id, string ModelName, string ParamsJson, string SecretsJson, string InfoJson);
