using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Access.Enforcement;
using LlmPlatform.Application.Access.Teams;
using LlmPlatform.Application.Access.Users;
using LlmPlatform.Application.Billing.Budgets;
using LlmPlatform.Domain.Access;
using LlmPlatform.Domain.Common;
using MediatR;

namespace LlmPlatform.Application.Access.Keys;

/// <summary>
/// The key use cases. Admins manage every key; a user manages its own keys and a team admin its team's keys;
/// a key made by a user never gets more models, routes or budget than that user has.
/// </summary>
internal sealed class KeyHandler :
    IRequestHandler<GenerateKeyCommand, Result<GeneratedKey>>,
    IRequestHandler<UpdateKeyCommand, Result<KeyInfo>>,
    IRequestHandler<GetKeyInfoQuery, Result<KeyInfo>>,
    IRequestHandler<ListKeysQuery, Result<KeyPage>>,
    IRequestHandler<DeleteKeysCommand, Result<IReadOnlyList<string>>>,
    IRequestHandler<RegenerateKeyCommand, Result<GeneratedKey>>,
    IRequestHandler<SetKeyBlockedCommand, Result<KeyInfo>>
{
    private readonly IKeyStore _keys;
    private readonly IUserStore _users;
    private readonly ITeamStore _teams;
    private readonly IBudgetStore _budgets;
    private readonly IAccessChangeNotifier _notifier;
    private readonly ILimitStore _limits;
    private readonly TimeProvider _time;

    public KeyHandler(
        IKeyStore keys,
        IUserStore users,
        ITeamStore teams,
        IBudgetStore budgets,
        IAccessChangeNotifier notifier,
        ILimitStore limits,
        TimeProvider time)
    {
        _limits = limits;
        _keys = keys;
        _users = users;
        _teams = teams;
        _budgets = budgets;
        _notifier = notifier;
        _time = time;
    }

    public async Task<Result<GeneratedKey>> Handle(GenerateKeyCommand request, CancellationToken cancellationToken)
    {
        var caller = request.Caller;
        var fields = request.Fields;
        if (caller.Role is Roles.ProxyAdminViewer or Roles.InternalUserViewer)
        {
            return AdminErrors.NotAllowed("create keys");
        }

        if (!caller.IsAdmin && fields.UserId is null)
        {
            fields = fields with { UserId = caller.UserId };
        }

        var now = _time.GetUtcNow();
        var checkedFields = await CheckFieldsAsync(fields, null, caller, cancellationToken).ConfigureAwait(false);
        if (checkedFields is { } invalid)
        {
            return invalid;
        }

        if (request.Key is { } custom && (!caller.IsAdmin || !custom.StartsWith("sk-", StringComparison.Ordinal) || custom.Length < 8))
        {
            return caller.IsAdmin
                ? Error.Validation("A chosen 'key' must start with 'sk-' and be at least 8 characters long.", "key")
                : AdminErrors.NotAllowed("choose the key itself");
        }

        var expires = LimitRules.ExpiryOf(fields.Duration, now);
        if (!expires.IsSuccess)
        {
            return expires.Error!;
        }

        if (fields.UserId is { } userId && await _users.FindAsync(userId, cancellationToken).ConfigureAwait(false) is null)
        {
            await _users.InsertAsync(new UserInfo { UserId = userId, CreatedAt = now, UpdatedAt = now }, cancellationToken).ConfigureAwait(false);
        }

        var secret = request.Key ?? KeySecret.Generate();
        var key = Apply(
            new KeyInfo
            {
                Token = KeySecret.Hash(secret),
                KeyName = KeySecret.DisplayName(secret),
                CreatedBy = caller.UserId ?? (caller.IsMasterKey ? "master_key" : null),
                CreatedAt = now,
            },
            fields,
            expires.Value,
            now);
        if (!await _keys.InsertAsync(key, cancellationToken).ConfigureAwait(false))
        {
            return Error.Conflict($"A key with key_alias '{fields.KeyAlias}' or the same secret already exists.");
        }

        return new GeneratedKey { Key = secret, Info = key };
    }

    public async Task<Result<KeyInfo>> Handle(UpdateKeyCommand request, CancellationToken cancellationToken)
    {
        var found = await FindManageableAsync(request.Key!, request.Caller, "update this key", cancellationToken).ConfigureAwait(false);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var existing = found.Value;
        var fields = request.Fields;
        if (!request.Caller.IsAdmin && fields.Spend is not null)
        {
            return AdminErrors.NotAllowed("change a key's spend");
        }

        if (await CheckFieldsAsync(fields, existing, request.Caller, cancellationToken).ConfigureAwait(false) is { } invalid)
        {
            return invalid;
        }

        var now = _time.GetUtcNow();
        var expires = LimitRules.ExpiryOf(fields.Duration, now);
        if (!expires.IsSuccess)
        {
            return expires.Error!;
        }

        var updated = Apply(existing, fields, expires.Value, now);
        if (!await _keys.UpdateAsync(updated, cancellationToken).ConfigureAwait(false))
        {
            return Error.Conflict($"Another key already has key_alias '{fields.KeyAlias}'.");
        }

        if (fields.Spend is not null)
        {
            await _limits.ResetAsync([CounterKeys.OpenBudget("key", existing.Token)], cancellationToken).ConfigureAwait(false);
        }

        await _notifier.KeysChangedAsync([existing.Token], cancellationToken).ConfigureAwait(false);
        return updated;
    }

    public async Task<Result<KeyInfo>> Handle(GetKeyInfoQuery request, CancellationToken cancellationToken)
    {
        var caller = request.Caller;
        var token = string.IsNullOrEmpty(request.Key) ? caller.KeyHash : KeySecret.TokenOf(request.Key);
        var key = await _keys.FindAsync(token, cancellationToken).ConfigureAwait(false);
        if (key is null)
        {
            return AdminErrors.KeyNotFound();
        }

        if (!await CanSeeAsync(caller, key, cancellationToken).ConfigureAwait(false))
        {
            return AdminErrors.NotAllowed("see this key");
        }

        return key;
    }

    public async Task<Result<KeyPage>> Handle(ListKeysQuery request, CancellationToken cancellationToken)
    {
        var caller = request.Caller;
        var query = request.Query with
        {
            Page = Math.Max(1, request.Query.Page),
            PageSize = Math.Clamp(request.Query.PageSize, 1, 100),
        };
        if (!caller.ReadsEverything)
        {
            var teams = caller.UserId is null
                ? []
                : (await _teams.ListAsync(null, caller.UserId, cancellationToken).ConfigureAwait(false))
                    .Where(t => t.IsAdmin(caller.UserId))
                    .Select(t => t.TeamId)
                    .ToList();
            query = query with { OwnerUserId = caller.UserId ?? string.Empty, VisibleTeams = teams };
        }

        var (keys, total) = await _keys.ListAsync(query, cancellationToken).ConfigureAwait(false);
        var pages = (int)Math.Ceiling(total / (double)query.PageSize);
        return new KeyPage(keys, total, query.Page, pages);
    }

    public async Task<Result<IReadOnlyList<string>>> Handle(DeleteKeysCommand request, CancellationToken cancellationToken)
    {
        var targets = new List<KeyInfo>();
        foreach (var key in request.Keys ?? [])
        {
            var found = await FindManageableAsync(key, request.Caller, "delete this key", cancellationToken).ConfigureAwait(false);
            if (!found.IsSuccess)
            {
                return found.Error!;
            }

            targets.Add(found.Value);
        }

        foreach (var alias in request.KeyAliases ?? [])
        {
            var byAlias = await _keys.FindByAliasAsync(alias, cancellationToken).ConfigureAwait(false);
            if (byAlias is null)
            {
                return Error.NotFound("key_not_found", $"No key has key_alias '{alias}'.");
            }

            if (!await CanManageAsync(request.Caller, byAlias, cancellationToken).ConfigureAwait(false))
            {
                return AdminErrors.NotAllowed("delete this key");
            }

            targets.Add(byAlias);
        }

        var tokens = targets.Select(k => k.Token).Distinct(StringComparer.Ordinal).ToList();
        await _keys.DeleteAsync(tokens, cancellationToken).ConfigureAwait(false);
        await _notifier.KeysChangedAsync(tokens, cancellationToken).ConfigureAwait(false);
        return (request.Keys ?? []).Concat(request.KeyAliases ?? []).ToList();
    }

    public async Task<Result<GeneratedKey>> Handle(RegenerateKeyCommand request, CancellationToken cancellationToken)
    {
        var found = await FindManageableAsync(request.Key!, request.Caller, "regenerate this key", cancellationToken).ConfigureAwait(false);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var existing = found.Value;
        if (await CheckFieldsAsync(request.Fields, existing, request.Caller, cancellationToken).ConfigureAwait(false) is { } invalid)
        {
            return invalid;
        }

        var now = _time.GetUtcNow();
        var expires = LimitRules.ExpiryOf(request.Fields.Duration, now);
        if (!expires.IsSuccess)
        {
            return expires.Error!;
        }

        var secret = KeySecret.Generate();
        var renamed = Apply(existing with { Token = KeySecret.Hash(secret), KeyName = KeySecret.DisplayName(secret) }, request.Fields, expires.Value, now);
        if (!await _keys.ReplaceTokenAsync(existing.Token, renamed.Token, renamed.KeyName, cancellationToken).ConfigureAwait(false)
            || !await _keys.UpdateAsync(renamed, cancellationToken).ConfigureAwait(false))
        {
            return AdminErrors.KeyNotFound();
        }

        await _notifier.KeysChangedAsync([existing.Token], cancellationToken).ConfigureAwait(false);
        return new GeneratedKey { Key = secret, Info = renamed };
    }

    public async Task<Result<KeyInfo>> Handle(SetKeyBlockedCommand request, CancellationToken cancellationToken)
    {
        var caller = request.Caller;
        var key = await _keys.FindAsync(KeySecret.TokenOf(request.Key!), cancellationToken).ConfigureAwait(false);
        if (key is null)
        {
            return AdminErrors.KeyNotFound();
        }

        if (!caller.IsAdmin && !await IsTeamAdminAsync(caller, key.TeamId, cancellationToken).ConfigureAwait(false))
        {
            return AdminErrors.NotAllowed(request.Blocked ? "block keys" : "unblock keys");
        }

        var updated = key with { Blocked = request.Blocked, UpdatedAt = _time.GetUtcNow() };
        await _keys.UpdateAsync(updated, cancellationToken).ConfigureAwait(false);
        await _notifier.KeysChangedAsync([key.Token], cancellationToken).ConfigureAwait(false);
        return updated;
    }


    private static KeyInfo Apply(KeyInfo key, KeyFields f, DateTimeOffset? expiresFromDuration, DateTimeOffset now) => key with
    {
        KeyAlias = f.KeyAlias ?? key.KeyAlias,
        UserId = f.UserId ?? key.UserId,
        TeamId = f.TeamId ?? key.TeamId,
        OrganizationId = f.OrganizationId ?? key.OrganizationId,
        Models = f.Models ?? key.Models,
        MaxBudget = f.MaxBudget ?? key.MaxBudget,
        SoftBudget = f.SoftBudget ?? key.SoftBudget,
        BudgetDuration = f.BudgetDuration ?? key.BudgetDuration,
        BudgetId = f.BudgetId ?? key.BudgetId,
        ModelMaxBudget = f.ModelMaxBudget ?? key.ModelMaxBudget,
        TpmLimit = f.TpmLimit ?? key.TpmLimit,
        RpmLimit = f.RpmLimit ?? key.RpmLimit,
        MaxParallelRequests = f.MaxParallelRequests ?? key.MaxParallelRequests,
        ModelRpmLimit = f.ModelRpmLimit ?? key.ModelRpmLimit,
        ModelTpmLimit = f.ModelTpmLimit ?? key.ModelTpmLimit,
        Metadata = f.Metadata ?? key.Metadata,
        Aliases = f.Aliases ?? key.Aliases,
        AllowedRoutes = f.AllowedRoutes ?? key.AllowedRoutes,
        Tags = f.Tags ?? key.Tags,
        Blocked = f.Blocked ?? key.Blocked,
        Expires = expiresFromDuration ?? f.Expires ?? key.Expires,
        Spend = f.Spend ?? key.Spend,
        BudgetResetAt = (f.BudgetDuration ?? key.BudgetDuration) is { } d && BudgetDuration.TryParse(d, out var window) ? window!.WindowEnd(now) : null,
        UpdatedAt = now,
    };

    /// <summary>Shape rules, references that must exist, and that a non-admin gives a key no more than it has.</summary>
    private async Task<Error?> CheckFieldsAsync(KeyFields f, KeyInfo? existing, CallerIdentity caller, CancellationToken cancellationToken)
    {
        if (LimitRules.Check(f.MaxBudget, f.SoftBudget, f.BudgetDuration, f.TpmLimit, f.RpmLimit, f.MaxParallelRequests) is { } invalid)
        {
            return invalid;
        }

        if (LimitRules.Amount(f.Spend, "spend") is { } badSpend)
        {
            return badSpend;
        }

        if (f.ModelMaxBudget is not null && ModelBudgets.Parse(f.ModelMaxBudget).Error is { } badModelBudget)
        {
            return badModelBudget;
        }

        if (f.ModelRpmLimit?.Values.Any(v => v < 0) == true || f.ModelTpmLimit?.Values.Any(v => v < 0) == true)
        {
            return Error.Validation("'model_rpm_limit' and 'model_tpm_limit' values cannot be negative.", "model_rpm_limit");
        }

        if (f.KeyAlias is { Length: 0 })
        {
            return Error.Validation("'key_alias' cannot be empty.", "key_alias");
        }

        if (f.BudgetId is { } budgetId && await _budgets.FindAsync(budgetId, cancellationToken).ConfigureAwait(false) is null)
        {
            return AdminErrors.BudgetNotFound(budgetId);
        }

        TeamInfo? team = null;
        var teamId = f.TeamId ?? existing?.TeamId;
        if (f.TeamId is { } newTeam)
        {
            team = await _teams.FindAsync(newTeam, cancellationToken).ConfigureAwait(false);
            if (team is null)
            {
                return AdminErrors.TeamNotFound(newTeam);
            }
        }

        if (caller.IsAdmin)
        {
            return null;
        }

        team ??= teamId is null ? null : await _teams.FindAsync(teamId, cancellationToken).ConfigureAwait(false);
        var teamAdmin = team?.IsAdmin(caller.UserId) == true;
        var owner = f.UserId ?? existing?.UserId;
        if (owner != caller.UserId && !(teamAdmin && (owner is null || team!.IsMember(owner))))
        {
            return AdminErrors.NotAllowed("manage keys of other users");
        }

        if (team is not null && !team.IsMember(caller.UserId))
        {
            return AdminErrors.NotAllowed("make keys for a team you are not a member of");
        }

        if (f.OrganizationId is not null && f.OrganizationId != team?.OrganizationId)
        {
            return AdminErrors.NotAllowed("set a key's organization");
        }

        var user = caller.UserId is null ? null : await _users.FindAsync(caller.UserId, cancellationToken).ConfigureAwait(false);
        var userModels = user?.Models ?? [];
        if (f.Models is not null && (!LimitRules.IsSubset(f.Models, userModels) || !LimitRules.IsSubset(f.Models, caller.AllowedModels)))
        {
            return Error.Forbidden("A key cannot be given models that its user may not use.");
        }

        if (f.Models is null && existing is null && (userModels.Count > 0 || caller.AllowedModels.Count > 0))
        {
            return Error.Forbidden("Name the key's 'models': your own access is limited to some models.");
        }

        if (caller.AllowedRoutes.Count > 0 && (f.AllowedRoutes is not { Count: > 0 } || !f.AllowedRoutes.All(caller.AllowedRoutes.Contains)))
        {
            return Error.Forbidden("A key cannot be given routes that its creator may not call.");
        }

        if (user?.MaxBudget is { } ceiling && f.MaxBudget > ceiling)
        {
            return Error.Forbidden($"A key's max_budget cannot exceed its user's max_budget ({ceiling}).");
        }

        return null;
    }

    private async Task<Result<KeyInfo>> FindManageableAsync(string keyOrToken, CallerIdentity caller, string what, CancellationToken cancellationToken)
    {
        var key = await _keys.FindAsync(KeySecret.TokenOf(keyOrToken), cancellationToken).ConfigureAwait(false);
        if (key is null)
        {
            return AdminErrors.KeyNotFound();
        }

        return await CanManageAsync(caller, key, cancellationToken).ConfigureAwait(false) ? key : AdminErrors.NotAllowed(what);
    }

    private async Task<bool> CanManageAsync(CallerIdentity caller, KeyInfo key, CancellationToken cancellationToken)
    {
        if (caller.IsAdmin)
        {
            return true;
        }

        if (caller.Role is Roles.ProxyAdminViewer or Roles.InternalUserViewer)
        {
            return false;
        }

        return (caller.UserId is not null && key.UserId == caller.UserId)
            || await IsTeamAdminAsync(caller, key.TeamId, cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> CanSeeAsync(CallerIdentity caller, KeyInfo key, CancellationToken cancellationToken) =>
        caller.ReadsEverything
        || key.Token == caller.KeyHash
        || (caller.UserId is not null && key.UserId == caller.UserId)
        || await IsTeamAdminAsync(caller, key.TeamId, cancellationToken).ConfigureAwait(false);

    private async Task<bool> IsTeamAdminAsync(CallerIdentity caller, string? teamId, CancellationToken cancellationToken)
    {
        if (teamId is null || caller.UserId is null || caller.Role == Roles.InternalUserViewer)
        {
            return false;
        }

        var team = await _teams.FindAsync(teamId, cancellationToken).ConfigureAwait(false);
        return team?.IsAdmin(caller.UserId) == true;
    }
}
