namespace LlmPlatform.Application.Access;

/// <summary>Tells every node that cached keys changed, so blocks, deletes and updates take effect within a second.</summary>
public interface IAccessChangeNotifier
{
    Task KeysChangedAsync(IReadOnlyList<string> keyHashes, CancellationToken cancellationToken);

    Task TeamChangedAsync(string teamId, CancellationToken cancellationToken);

    /// <summary>A user added or deleted one of their own provider keys: no node may call with a deleted one any more.</summary>
    Task UserProviderKeysChangedAsync(string userId, CancellationToken cancellationToken);

    /// <summary>An admin loaded or unloaded a model group: every node takes the new state.</summary>
    Task ModelRuntimeChangedAsync(string modelGroup, Catalog.Lifecycle.ModelRuntime runtime, CancellationToken cancellationToken);

    /// <summary>Something many keys depend on changed (a user, organization, budget, end user or access group).</summary>
    Task EverythingChangedAsync(CancellationToken cancellationToken);
}
