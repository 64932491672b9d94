namespace LlmPlatform.Application.Access.Authentication;

/// <summary>Who is calling: the authenticated key and what it belongs to. Holds the key's hash, never the key.</summary>
public sealed record CallerIdentity
{
    public required string KeyHash { get; init; }

    public string? KeyId { get; init; }

    public string? KeyAlias { get; init; }

    public string? UserId { get; init; }

    public string? TeamId { get; init; }

    public string? OrganizationId { get; init; }

    /// <summary>One of the roles in <see cref="Roles"/>.</summary>
    public string Role { get; init; } = Roles.InternalUser;

    public bool IsMasterKey { get; init; }

    /// <summary>The models this key may call; empty means every model.</summary>
    public IReadOnlyList<string> AllowedModels { get; init; } = [];

    public bool IsAdmin => IsMasterKey || Role == Roles.ProxyAdmin;

    public bool MayUseModel(string modelGroup) =>
        AllowedModels.Count == 0
        || AllowedModels.Contains(modelGroup, StringComparer.Ordinal)
        || AllowedModels.Contains("*", StringComparer.Ordinal)
        || AllowedModels.Contains("all-proxy-models", StringComparer.Ordinal);
}
