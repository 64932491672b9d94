namespace LlmPlatform.Application.Configuration;

/// <summary><c>general_settings</c>.</summary>
public sealed record GeneralSettings
{
    /// <summary>The admin key; <c>LLMPLATFORM_MASTER_KEY</c> overrides it. Never logged.</summary>
    public string? MasterKey { get; init; }

    public string? DatabaseUrl { get; init; }

    public string? RedisUrl { get; init; }

    /// <summary>The largest request body accepted, in bytes (default 10 MiB).</summary>
    public long MaxRequestSizeBytes { get; init; } = 10 * 1024 * 1024;

    /// <summary>How long a graceful shutdown waits for in-flight requests.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether prompts and answers are kept in the spend ledger.</summary>
    public bool StorePrompts { get; init; }

    /// <summary>How many spend-ledger rows wait in memory for PostgreSQL before the rest go to disk.</summary>
    public int LedgerMemoryCapacity { get; init; } = 100_000;

    /// <summary>Where the ledger spills rows it cannot keep in memory (default: a folder per database under the temp directory).</summary>
    public string? LedgerSpillDirectory { get; init; }

    /// <summary>The key that encrypts stored credentials (any string; a 256-bit key is derived from it).</summary>
    public string? EncryptionKey { get; init; }

    /// <summary>
    /// <c>trusted_proxies</c>: the addresses and networks (CIDR) of the reverse proxies in front of the gateway. A
    /// request from one of them is taken to come from the address its <c>X-Forwarded-For</c> names (the right-most
    /// one that is not itself a trusted proxy); no other request's <c>X-Forwarded-For</c> is believed. Empty: none.
    /// </summary>
    public IReadOnlyList<System.Net.IPNetwork> TrustedProxies { get; init; } = [];

    /// <summary>The <c>webhook_*</c> keys.</summary>
    public WebhookSettings Webhooks { get; init; } = new();

    /// <summary>The gateway-user accounts' keys: <c>invite_required</c> and the <c>login_*</c> limits.</summary>
    public UserAccountSettings Accounts { get; init; } = new();

    /// <summary>Where uploaded files' content is stored (default: a folder per database under the temp directory).</summary>
    public string? FilesStoragePath { get; init; }

    /// <summary>Size limits per file purpose, in bytes, over the defaults (512 MB; 200 MB for <c>batch</c>).</summary>
    public IReadOnlyDictionary<string, long> FilesMaxBytes { get; init; } = new Dictionary<string, long>(StringComparer.Ordinal);

    /// <summary>How many lines of batches run at once on this node (fewer while live traffic is in flight).</summary>
    public int BatchMaxConcurrency { get; init; } = 4;

    /// <summary>How often active fine-tuning jobs are polled at their provider (<c>fine_tuning_poll_seconds</c>).</summary>
    public TimeSpan FineTuningPollInterval { get; init; } = TimeSpan.FromSeconds(30);
}
