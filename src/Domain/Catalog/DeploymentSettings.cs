namespace LlmPlatform.Domain.Catalog;

/// <summary>The connection and limit settings of one deployment (<c>litellm_params</c> and <c>model_info</c>).</summary>
public sealed record DeploymentSettings
{
    public string? ApiBase { get; init; }

    /// <summary>The resolved credential; never logged, never returned by an API.</summary>
    public string? ApiKey { get; init; }

    public string? ApiVersion { get; init; }

    public string? CredentialName { get; init; }

    public int? Rpm { get; init; }

    public int? Tpm { get; init; }

    public TimeSpan? Timeout { get; init; }

    public TimeSpan? StreamTimeout { get; init; }

    public int? MaxRetries { get; init; }

    public double Weight { get; init; } = 1;

    public string? AwsRegionName { get; init; }

    public string? AwsAccessKeyId { get; init; }

    public string? AwsSecretAccessKey { get; init; }

    public string? AwsSessionToken { get; init; }

    public int? MaxTokens { get; init; }

    public int? MaxInputTokens { get; init; }

    public string Mode { get; init; } = "chat";

    /// <summary>The model access groups this deployment belongs to (<c>model_info.access_groups</c>).</summary>
    public IReadOnlyList<string> AccessGroups { get; init; } = [];

    public bool UseProviderBatchApi { get; init; }

    /// <summary>
    /// <c>allow_user_provider_keys</c>: whether a caller's own key for this deployment's provider (seed 003's provider
    /// keys) replaces <see cref="ApiKey"/> for that caller's calls. Null: only when the deployment calls its provider's
    /// own public endpoint (no <see cref="ApiBase"/>), so that no user's key is ever sent to a base URL they did not
    /// choose.
    /// </summary>
    public bool? AllowUserProviderKeys { get; init; }

    /// <summary>Mock provider only: fixed latency before the answer.</summary>
    public TimeSpan MockLatency { get; init; }

    /// <summary>Mock provider only: delay before the first streamed token.</summary>
    public TimeSpan MockTimeToFirstToken { get; init; }

    /// <summary>Mock provider only: streaming speed; 0 streams as fast as possible.</summary>
    public double MockTokensPerSecond { get; init; }

    /// <summary>Mock provider only: a fixed answer instead of the default deterministic one.</summary>
    public string? MockResponse { get; init; }
}
