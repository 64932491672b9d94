namespace LlmPlatform.Application.Configuration;

/// <summary>The parts of <c>litellm_settings</c> the gateway acts on.</summary>
public sealed record GatewaySettings
{
    /// <summary>Drop parameters a translated provider does not support instead of answering 400.</summary>
    public bool DropParams { get; init; }

    public TimeSpan? RequestTimeout { get; init; }

    public int? NumRetries { get; init; }

    public bool CacheEnabled { get; init; }

    public TimeSpan CacheTtl { get; init; } = TimeSpan.FromMinutes(10);

    public IReadOnlyList<string> Callbacks { get; init; } = [];
}
