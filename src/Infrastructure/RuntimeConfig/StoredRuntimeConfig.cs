namespace LlmPlatform.Infrastructure.RuntimeConfig;

/// <summary>Everything stored at one version.</summary>
internal sealed record StoredRuntimeConfig(long Version, IReadOnlyList<CredentialRow> Credentials, IReadOnlyList<ModelRow> Models, string? RouterSettingsJson);
