using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Access.Keys;
using LlmPlatform.Application.Access.Users;
using LlmPlatform.Application.Catalog;
using LlmPlatform.Domain.Access;
using LlmPlatform.Domain.Common;
using MediatR;

namespace LlmPlatform.Application.Access.Connector;

/// <summary>
/// The Connector dialect's keys (seed 004), where a key is also a user: each key gets a user of its own carrying the
/// name, email and role (admin is <c>proxy_admin</c>), and the key carries the group (its team), the authorised
/// models and the budget: <c>month_quota + balance</c> USD, reset monthly. Everything changes through the admin
/// API's key and user commands, so the gateway's checks and caches see it at once.
/// </summary>
internal sealed class ConnectorKeyHandler :
    IRequestHandler<ApplyConnectorKeyCommand, Result<ConnectorKey>>,
    IRequestHandler<UpdateConnectorKeyCommand, Result<ConnectorKey>>,
    IRequestHandler<RechargeConnectorKeyCommand, Result<ConnectorKey>>,
    IRequestHandler<ResetConnectorKeyCommand, Result<ConnectorKey>>,
    IRequestHandler<DeleteConnectorKeyCommand, Result<bool>>,
    IRequestHandler<ListConnectorKeysQuery, Result<ConnectorPage<ConnectorKey>>>,
    IRequestHandler<GetConnectorKeyQuery, Result<ConnectorKey>>,
    IRequestHandler<ListConnectorPaymentsQuery, Result<ConnectorPage<ConnectorPayment>>>,
    IRequestHandler<ToggleConnectorKeyModelCommand, Result<string>>,
    IRequestHandler<ListConnectorKeyModelsQuery, Result<ConnectorPage<ConnectorModelLink>>>
{
    private readonly IMediator _mediator;
    private readonly IConnectorStore _store;
    private readonly IKeyStore _keys;
    private readonly IModelStore _models;
    private readonly TimeProvider _time;
    private readonly IAccessChangeNotifier _notifier;

    public ConnectorKeyHandler(IMediator mediator, IConnectorStore store, IKeyStore keys, IModelStore models, TimeProvider time, IAccessChangeNotifier notifier)
    {
        _notifier = notifier;
        _mediator = mediator;
        _store = store;
        _keys = keys;
        _models = models;
        _time = time;
    }

    public async Task<Result<ConnectorKey>> Handle(ApplyConnectorKeyCommand request, CancellationToken cancellationToken)
    {
        var caller = request.Caller;
        if (!caller.IsAdmin)
        {
            return ConnectorErrors.NotAdmin();
        }

        var team = await TeamOfAsync(request.GroupId, cancellationToken).ConfigureAwait(false);
        if (!team.IsSuccess)
        {
            return team.Error!;
        }

        var userFields = new UserFields
        {
            UserAlias = request.Name,
            UserEmail = string.IsNullOrWhiteSpace(request.Email) ? null : request.Email,
            UserRole = ConnectorRoles.ToUserRole(request.Role),
            AutoCreateKey = false,
            Metadata = ConnectorMetadata.UserMark(),
        };
        var user = await _mediator.Send(new CreateUserCommand(userFields, caller), cancellationToken).ConfigureAwait(false);
        if (!user.IsSuccess)
        {
            return user.Error!;
        }

        var quota = request.MonthQuota ?? 0;
        var keyFields = new KeyFields
        {
            UserId = user.Value.User.UserId,
            TeamId = team.Value,
            MaxBudget = quota,
            BudgetDuration = ConnectorMetadata.BudgetDuration,
            Metadata = ConnectorMetadata.WithBudget(null, quota, 0),
        };
        var key = await _mediator.Send(new GenerateKeyCommand(keyFields, null, caller), cancellationToken).ConfigureAwait(false);
        if (!key.IsSuccess)
        {
            await _mediator.Send(new DeleteUsersCommand([user.Value.User.UserId], caller), cancellationToken).ConfigureAwait(false);
            return key.Error!;
        }

        return await ViewAsync(key.Value.Info.Token, key.Value.Key, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Result<ConnectorKey>> Handle(UpdateConnectorKeyCommand request, CancellationToken cancellationToken)
    {
        var caller = request.Caller;
        var lookup = await AdminFindAsync(caller, request.Id, cancellationToken).ConfigureAwait(false);
        if (!lookup.IsSuccess)
        {
            return lookup.Error!;
        }

        var found = lookup.Value;

        string? teamId = null;
        if (request.GroupId is > 0)
        {
            var team = await TeamOfAsync(request.GroupId, cancellationToken).ConfigureAwait(false);
            if (!team.IsSuccess)
            {
                return team.Error!;
            }

            teamId = team.Value;
        }

        if (request.Name is not null || request.Role is not null)
        {
            if (await EnsureUserAsync(found, caller, cancellationToken).ConfigureAwait(false) is { } failed)
            {
                return failed;
            }

            var userFields = new UserFields
            {
                UserId = found.UserId ?? UserIdOf(found),
                UserAlias = request.Name,
                UserRole = request.Role is null ? null : ConnectorRoles.ToUserRole(request.Role),
            };
            var user = await _mediator.Send(new UpdateUserCommand(userFields, caller), cancellationToken).ConfigureAwait(false);
            if (!user.IsSuccess)
            {
                return user.Error!;
            }
        }

        var quota = request.MonthQuota ?? found.MonthQuota;
        var changed = await UpdateKeyAsync(found, new KeyFields { TeamId = teamId }, quota, found.Balance, caller, cancellationToken).ConfigureAwait(false);
        return changed ?? await ViewAsync(found.Token, null, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Result<ConnectorKey>> Handle(RechargeConnectorKeyCommand request, CancellationToken cancellationToken)
    {
        var caller = request.Caller;
        if (!caller.IsAdmin)
        {
            return ConnectorErrors.NotAdmin();
        }

        var found = request.Id is { } id
            ? await _store.FindKeyAsync(id, cancellationToken).ConfigureAwait(false)
            : await _store.FindKeyByTokenAsync(KeySecret.Hash(request.ApiKey!), cancellationToken).ConfigureAwait(false);
        if (found is null)
        {
            return Error.NotFound("key_not_found", "No api key matches the given api_key or id.");
        }

        // One transaction records the payment and raises the budget, so recharges at the same moment add up.
        if (await _store.RechargeAsync(found.Id, request.Balance!.Value, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false) is not { } recharged)
        {
            return Error.NotFound("key_not_found", "No api key matches the given api_key or id.");
        }

        await _notifier.KeysChangedAsync([recharged.Token], cancellationToken).ConfigureAwait(false);
        return await ViewAsync(recharged.Token, null, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Result<ConnectorKey>> Handle(ResetConnectorKeyCommand request, CancellationToken cancellationToken)
    {
        var caller = request.Caller;
        var lookup = await AdminFindAsync(caller, request.Id, cancellationToken).ConfigureAwait(false);
        if (!lookup.IsSuccess)
        {
            return lookup.Error!;
        }

        var found = lookup.Value;

        var regenerated = await _mediator.Send(new RegenerateKeyCommand(found.Token, new KeyFields(), caller), cancellationToken).ConfigureAwait(false);
        if (!regenerated.IsSuccess)
        {
            return regenerated.Error!;
        }

        return await ViewAsync(regenerated.Value.Info.Token, regenerated.Value.Key, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Result<bool>> Handle(DeleteConnectorKeyCommand request, CancellationToken cancellationToken)
    {
        var caller = request.Caller;
        var lookup = await AdminFindAsync(caller, request.Id, cancellationToken).ConfigureAwait(false);
        if (!lookup.IsSuccess)
        {
            return lookup.Error!;
        }

        var found = lookup.Value;

        var deleted = await _mediator.Send(new DeleteKeysCommand([found.Token], null, caller), cancellationToken).ConfigureAwait(false);
        if (!deleted.IsSuccess)
        {
            return deleted.Error!;
        }

        if (found.MadeByConnector && found.UserId is { } userId)
        {
            var users = await _mediator.Send(new DeleteUsersCommand([userId], caller), cancellationToken).ConfigureAwait(false);
            if (!users.IsSuccess)
            {
                return users.Error!;
            }
        }

        return true;
    }

    public async Task<Result<ConnectorPage<ConnectorKey>>> Handle(ListConnectorKeysQuery request, CancellationToken cancellationToken)
    {
        if (!request.Caller.IsAdmin)
        {
            return ConnectorErrors.NotAdmin();
        }

        var role = request.Role is null ? null : ConnectorRoles.ToUserRole(request.Role);
        var filter = new ConnectorKeyFilter(request.Paging.Q, request.Name, request.GroupId, role, request.Paging.Take, request.Paging.Skip);
        var page = await _store.ListKeysAsync(filter, cancellationToken).ConfigureAwait(false);
        return new ConnectorPage<ConnectorKey>(page.Items.Select(k => ConnectorKey.Of(k)).ToList(), page.Total, page.Limit, page.Offset);
    }

    public async Task<Result<ConnectorKey>> Handle(GetConnectorKeyQuery request, CancellationToken cancellationToken)
    {
        var caller = request.Caller;
        if (request.Id is { } id)
        {
            if (!caller.IsAdmin)
            {
                return ConnectorErrors.NotAdmin();
            }

            var found = await _store.FindKeyAsync(id, cancellationToken).ConfigureAwait(false);
            return found is null ? ConnectorErrors.KeyNotFound(id) : ConnectorKey.Of(found);
        }

        var own = await _store.FindKeyByTokenAsync(caller.KeyHash, cancellationToken).ConfigureAwait(false);
        return own is null
            ? Error.NotFound("key_not_found", "The master key is not an api key of its own; create an admin key with /admin/api-key/apply first.")
            : ConnectorKey.Of(own);
    }

    public async Task<Result<ConnectorPage<ConnectorPayment>>> Handle(ListConnectorPaymentsQuery request, CancellationToken cancellationToken)
    {
        if (!request.Caller.IsAdmin)
        {
            return ConnectorErrors.NotAdmin();
        }

        if (request.KeyId is { } keyId && await _store.FindKeyAsync(keyId, cancellationToken).ConfigureAwait(false) is null)
        {
            return ConnectorErrors.KeyNotFound(keyId);
        }

        return await _store.ListPaymentsAsync(request.KeyId, request.Paging, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Result<string>> Handle(ToggleConnectorKeyModelCommand request, CancellationToken cancellationToken)
    {
        var caller = request.Caller;
        var lookup = await AdminFindAsync(caller, request.KeyId, cancellationToken).ConfigureAwait(false);
        if (!lookup.IsSuccess)
        {
            return lookup.Error!;
        }

        var found = lookup.Value;

        var model = await _store.ModelNameAsync(request.ModelId!.Value, cancellationToken).ConfigureAwait(false);
        if (model is null)
        {
            return ConnectorErrors.ModelNotFound(request.ModelId);
        }

        var bound = found.Models.Contains(model, StringComparer.Ordinal);
        var models = bound ? found.Models.Where(m => m != model).ToList() : [.. found.Models, model];
        var updated = await _mediator.Send(new UpdateKeyCommand(found.Token, new KeyFields { Models = models }, caller), cancellationToken).ConfigureAwait(false);
        if (!updated.IsSuccess)
        {
            return updated.Error!;
        }

        return bound ? "deleted" : "created";
    }

    public async Task<Result<ConnectorPage<ConnectorModelLink>>> Handle(ListConnectorKeyModelsQuery request, CancellationToken cancellationToken)
    {
        var caller = request.Caller;
        var ids = await _store.ModelIdsByNameAsync(cancellationToken).ConfigureAwait(false);
        if (request.KeyId is { } keyId)
        {
            if (!caller.IsAdmin)
            {
                return ConnectorErrors.NotAdmin();
            }

            var found = await _store.FindKeyAsync(keyId, cancellationToken).ConfigureAwait(false);
            if (found is null)
            {
                return ConnectorErrors.KeyNotFound(keyId);
            }

            var links = found.Models
                .Select(m => new ConnectorModelLink { KeyId = keyId, ModelId = ids.TryGetValue(m, out var id) ? id : null, ModelName = m })
                .ToList();
            return new ConnectorPage<ConnectorModelLink>(links, links.Count, links.Count, 0);
        }

        // The caller's own: every model its key and its team allow.
        var own = await _store.FindKeyByTokenAsync(caller.KeyHash, cancellationToken).ConfigureAwait(false);
        var mine = _models.Entries
            .Select(e => e.Deployment.ModelName)
            .Distinct(StringComparer.Ordinal)
            .Where(m => caller.MayUseModel(m) && CallerIdentity.Allows(caller.TeamModels, m))
            .Order(StringComparer.Ordinal)
            .Select(m => new ConnectorModelLink { KeyId = own?.Id, GroupId = own?.GroupId, ModelId = ids.TryGetValue(m, out var id) ? id : null, ModelName = m })
            .ToList();
        return new ConnectorPage<ConnectorModelLink>(mine, mine.Count, mine.Count, 0);
    }

    /// <summary>The key of an id, for an admin caller: else the 403 or the 404.</summary>
    private async Task<Result<ConnectorKeyRecord>> AdminFindAsync(CallerIdentity caller, long? id, CancellationToken cancellationToken)
    {
        if (!caller.IsAdmin)
        {
            return ConnectorErrors.NotAdmin();
        }

        var found = await _store.FindKeyAsync(id!.Value, cancellationToken).ConfigureAwait(false);
        return found is null ? ConnectorErrors.KeyNotFound(id) : found;
    }

    private static string UserIdOf(ConnectorKeyRecord key) => "connector-key-" + key.Id;

    /// <summary>A key made elsewhere may have no user: it gets one now, so that a name and a role have somewhere to live.</summary>
    private async Task<Error?> EnsureUserAsync(ConnectorKeyRecord key, CallerIdentity caller, CancellationToken cancellationToken)
    {
        if (key.UserId is not null)
        {
            return null;
        }

        var fields = new UserFields { UserId = UserIdOf(key), AutoCreateKey = false, Metadata = ConnectorMetadata.UserMark() };
        var user = await _mediator.Send(new CreateUserCommand(fields, caller), cancellationToken).ConfigureAwait(false);
        if (!user.IsSuccess && user.Error!.Kind != ErrorKind.Conflict)
        {
            return user.Error;
        }

        var linked = await _mediator.Send(new UpdateKeyCommand(key.Token, new KeyFields { UserId = UserIdOf(key) }, caller), cancellationToken).ConfigureAwait(false);
        return linked.IsSuccess ? null : linked.Error;
    }

    /// <summary>Writes the budget (quota plus balance, monthly) with the other given fields; null when it worked.</summary>
    private async Task<Error?> UpdateKeyAsync(ConnectorKeyRecord key, KeyFields fields, decimal quota, decimal balance, CallerIdentity caller, CancellationToken cancellationToken)
    {
        var stored = await _keys.FindAsync(key.Token, cancellationToken).ConfigureAwait(false);
        var budget = fields with
        {
            MaxBudget = quota + balance,
            BudgetDuration = ConnectorMetadata.BudgetDuration,
            Metadata = ConnectorMetadata.WithBudget(stored?.Metadata, quota, balance),
        };
        var updated = await _mediator.Send(new UpdateKeyCommand(key.Token, budget, caller), cancellationToken).ConfigureAwait(false);
        return updated.IsSuccess ? null : updated.Error;
    }

    private async Task<Result<string?>> TeamOfAsync(long? groupId, CancellationToken cancellationToken)
    {
        if (groupId is not > 0)
        {
            return Result<string?>.Success(null);
        }

        var group = await _store.FindGroupAsync(groupId.Value, cancellationToken).ConfigureAwait(false);
        return group is null ? ConnectorErrors.GroupNotFound(groupId) : Result<string?>.Success(group.TeamId);
    }

    private async Task<Result<ConnectorKey>> ViewAsync(string token, string? apiKey, CancellationToken cancellationToken)
    {
        var record = await _store.FindKeyByTokenAsync(token, cancellationToken).ConfigureAwait(false);
        return record is null ? Error.NotFound("key_not_found", "The api key is gone.") : ConnectorKey.Of(record, apiKey);
    }
}
