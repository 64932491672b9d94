using System.Text.Json.Serialization;

namespace LlmPlatform.Api.Controllers.Platform;

/// <summary>A virtual key as the Platform API shows it; <c>api_key</c> only in the answer that created it.</summary>
public sealed record ApiKeyView
{
    /// <summary>The key's token (the SHA-256 of the key), which <c>DELETE /auth/api-keys/{key_id}</c> takes.</summary>
    public required string Id { get; init; }

    public string Object { get; init; } = "api_key";

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Name { get; init; }

    /// <summary>The key itself: shown once, when it is created.</summary>
    public string? ApiKey { get; init; }

    /// <summary>The key shortened for display (<c>sk-...abcd</c>).</summary>
    public required string KeyName { get; init; }

    public required IReadOnlyList<string> Permissions { get; init; }

    public required ApiKeyRateLimit RateLimit { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public DateTimeOffset? ExpiresAt { get; init; }
}

/// <summary>The answer of <c>GET /auth/api-keys</c>.</summary>
public sealed record ApiKeyList(IReadOnlyList<ApiKeyView> Data)
{
    public string Object { get; init; } = "list";
}

/// <summary>The answer of <c>DELETE /auth/api-keys/{key_id}</c>.</summary>
public sealed record ApiKeyDeleted(string Id)
{
    public string Object { get; init; } = "api_key";

    public bool Deleted { get; init; } = true;
}
