namespace LlmPlatform.Application.Catalog.Lifecycle;

/// <summary>
/// The runtime state of model groups: hosted models are loaded from the start; an unloaded group refuses calls until
/// it is loaded again. The state is the gateway's, not a node's: it is stored, and every node applies a change.
/// </summary>
public interface IModelRuntimeState
{
    ModelRuntime Of(string modelGroup);

    bool IsUnloaded(string modelGroup);

    /// <summary>Loads or unloads the group, stored for every node and restart; the state after it (the old one when it already was so).</summary>
    Task<ModelRuntime> SetAsync(string modelGroup, bool loaded, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Takes a change another node made.</summary>
    void Apply(string modelGroup, ModelRuntime runtime);
}
