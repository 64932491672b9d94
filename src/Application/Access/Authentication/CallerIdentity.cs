namespace LlmPlatform.Application.Access.Authentication;

/// <summary>
/// Who is calling: the authenticated key, what it belongs to, and everything enforcement needs (limits, budgets,
/// allowed models), so that a cached key costs no database call. Holds the key's hash, never the key.
/// </summary>
public sealed record CallerIdentity
{
    public required string KeyHash { get; init; }

    public string? KeyId { get; init; }

    public string? KeyAlias { get; init; }

    public string? UserId { get; init; }

    public string? TeamId { get; init; }

    public string? OrganizationId { get; init; }

    /// <summary>One of the roles in <see cref="Roles"/>; a user's key carries the user's role.</summary>
    public string Role { get; init; } = Roles.InternalUser;

    public bool IsMasterKey { get; init; }

    /// <summary>The models this key may call, access groups expanded; empty means every model.</summary>
    public IReadOnlyList<string> AllowedModels { get; init; } = [];

    /// <summary>The models of the key's team, access groups expanded; empty means every model.</summary>
    public IReadOnlyList<string> TeamModels { get; init; } = [];

    /// <summary>The models of the key's organization, access groups expanded; empty means every model.</summary>
    public IReadOnlyList<string> OrganizationModels { get; init; } = [];

    /// <summary>The routes this key may call; empty means every route its role allows.</summary>
    public IReadOnlyList<string> AllowedRoutes { get; init; } = [];

    public bool TeamBlocked { get; init; }

    /// <summary>A personal token whose scopes allow only reading (<see cref="UserAccounts.TokenScopes"/>): GET and HEAD.</summary>
    public bool ReadOnly { get; init; }

    public LimitSet KeyLimits { get; init; } = LimitSet.None;

    public LimitSet UserLimits { get; init; } = LimitSet.None;

    public LimitSet TeamLimits { get; init; } = LimitSet.None;

    public LimitSet OrganizationLimits { get; init; } = LimitSet.None;

    public IReadOnlyDictionary<string, ModelBudget> ModelMaxBudget { get; init; } = EmptyBudgets;

    public IReadOnlyDictionary<string, long> ModelRpmLimit { get; init; } = EmptyLimits;

    public IReadOnlyDictionary<string, long> ModelTpmLimit { get; init; } = EmptyLimits;

    public bool IsAdmin => IsMasterKey || Role == Roles.ProxyAdmin;

    /// <summary>Admins and admin viewers read everything on the admin API.</summary>
    public bool ReadsEverything => IsAdmin || Role == Roles.ProxyAdminViewer;

    private static IReadOnlyDictionary<string, ModelBudget> EmptyBudgets { get; } = new Dictionary<string, ModelBudget>(StringComparer.Ordinal);

    private static IReadOnlyDictionary<string, long> EmptyLimits { get; } = new Dictionary<string, long>(StringComparer.Ordinal);

    /// <summary>
    /// Who owns what this caller creates (files, batches, fine-tuning jobs, webhooks): the key's team, else its user,
    /// else the key itself. Another owner's key sees none of it; admins see everything.
    /// </summary>
    public string Owner =>
        TeamId is { Length: > 0 } team ? "team:" + team
        : UserId is { Length: > 0 } user ? "user:" + user
        : "key:" + KeyHash;

    /// <summary>The owner whose things this caller may see (<see cref="Owner"/>), or null for an admin, who sees all.</summary>
    public string? OwnerFilter => IsAdmin ? null : Owner;

    public bool MayUseModel(string modelGroup) => Allows(AllowedModels, modelGroup);

    /// <summary>Whether a model list (empty, <c>*</c> and <c>all-proxy-models</c> mean every model) admits the group.</summary>
    public static bool Allows(IReadOnlyList<string> models, string modelGroup) =>
        models.Count == 0
        || models.Contains(modelGroup, StringComparer.Ordinal)
        || models.Contains("*", StringComparer.Ordinal)
        || models.Contains("all-proxy-models", StringComparer.Ordinal);
}
