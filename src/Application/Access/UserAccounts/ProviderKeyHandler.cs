using LlmPlatform.Domain.Common;
using MediatR;

namespace LlmPlatform.Application.Access.UserAccounts;

/// <summary>
/// Bring-your-own provider keys of the caller's user: stored encrypted, shown masked, deleted by provider; the user's
/// chat calls run on them where a deployment takes user keys (<see cref="UserProviderKeys"/>).
/// </summary>
internal sealed class ProviderKeyHandler :
    IRequestHandler<AddProviderKeyCommand, Result<ProviderKeyInfo>>,
    IRequestHandler<ListProviderKeysQuery, Result<ProviderKeyList>>,
    IRequestHandler<DeleteProviderKeyCommand, Result<ProviderKeyDeleted>>
{
    private readonly IProviderKeyStore _store;
    private readonly IAccessChangeNotifier _changes;
    private readonly TimeProvider _time;

    public ProviderKeyHandler(IProviderKeyStore store, IAccessChangeNotifier changes, TimeProvider time)
    {
        _store = store;
        _changes = changes;
        _time = time;
    }

    public async Task<Result<ProviderKeyInfo>> Handle(AddProviderKeyCommand request, CancellationToken cancellationToken)
    {
        if (request.Caller.UserId is not { Length: > 0 } userId)
        {
            return GatewayUserErrors.NoUser;
        }

        if (!_store.CanEncrypt)
        {
            return GatewayUserErrors.EncryptionNotConfigured;
        }

        var stored = await _store.UpsertAsync(userId, request.Provider!, request.ApiKey!, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        await _changes.UserProviderKeysChangedAsync(userId, CancellationToken.None).ConfigureAwait(false);
        return stored;
    }

    public async Task<Result<ProviderKeyList>> Handle(ListProviderKeysQuery request, CancellationToken cancellationToken)
    {
        if (request.Caller.UserId is not { Length: > 0 } userId)
        {
            return GatewayUserErrors.NoUser;
        }

        return new ProviderKeyList(await _store.ListAsync(userId, cancellationToken).ConfigureAwait(false));
    }

    public async Task<Result<ProviderKeyDeleted>> Handle(DeleteProviderKeyCommand request, CancellationToken cancellationToken)
    {
        if (request.Caller.UserId is not { Length: > 0 } userId)
        {
            return GatewayUserErrors.NoUser;
        }

        var deleted = await _store.DeleteAsync(userId, request.Provider, cancellationToken).ConfigureAwait(false);
        if (deleted)
        {
            await _changes.UserProviderKeysChangedAsync(userId, CancellationToken.None).ConfigureAwait(false);
        }

        return deleted
            ? new ProviderKeyDeleted(request.Provider, true)
            : GatewayUserErrors.ProviderKeyNotFound(request.Provider);
    }
}
