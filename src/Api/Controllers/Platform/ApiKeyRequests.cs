namespace LlmPlatform.Api.Controllers.Platform;

/// <summary>The body of <c>POST /auth/api-keys</c> (seed 001).</summary>
public sealed record CreateApiKeyRequest
{
    public string? Name { get; init; }

    /// <summary>What the key may call (see <see cref="ApiKeyPermissions"/>); none given: whatever its owner may.</summary>
    public IReadOnlyList<string>? Permissions { get; init; }

    public ApiKeyRateLimit? RateLimit { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }
}

/// <summary>A Platform API key's rate limit: the key's RPM and TPM limits.</summary>
public sealed record ApiKeyRateLimit
{
    public long? RequestsPerMinute { get; init; }

    public long? TokensPerMinute { get; init; }
}
