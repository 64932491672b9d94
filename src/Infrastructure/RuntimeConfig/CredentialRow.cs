namespace LlmPlatform.Infrastructure.RuntimeConfig;

/// <summary>A row of <c>credentials</c>: <see cref="ValuesJson"/> maps each field to its ciphertext.</summary>
internal sealed record CredentialRow(string Name, string ValuesJson, string InfoJson);
